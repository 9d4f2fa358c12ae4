// Reads a .pose file with pose-format's own JavaScript reader (npm pose-format) and prints what it read as JSON:
// header, fps, frame count and every point of every frame (NaN as null). Usage: node read-pose.mjs PACKAGE_DIR FILE
// pose-format 1.6.2 ships ES modules with extension-less relative imports, which Node resolves only with this hook.
import { register } from 'node:module';
const hook = 'data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  try { return await next(specifier, context); }
  catch (e) { if (specifier.startsWith('.') && !specifier.endsWith('.js')) return next(specifier + '.js', context); throw e; }
}`);
register(hook);
const [dir, file] = process.argv.slice(2);
const { Pose } = await import(dir + '/node_modules/pose-format/dist/index.js');
const pose = await Pose.fromLocal(file);
const h = pose.header;
const frames = [];
for (let i = 0; i < pose.body.frames.length; i++) {
  frames.push(pose.body.frames[i].people.map(p => h.components.map(c => p[c.name].map(pt =>
    [...c.format].map(d => Number.isNaN(pt[d]) ? null : pt[d])))));
}
console.log(JSON.stringify({ version: h.version, width: h.width, height: h.height, depth: h.depth,
  components: h.components.map(c => ({ name: c.name, format: c.format, points: c.points,
    limbs: c.limbs.map(l => [l.from, l.to]), colors: c.colors.map(k => [k.R, k.G, k.B]) })),
  fps: pose.body.fps, frames }));
