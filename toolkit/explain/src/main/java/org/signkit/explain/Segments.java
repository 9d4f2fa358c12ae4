package org.signkit.explain;

/**
 * A superpixel segmentation of one image: a label per pixel, {@code 0..count-1}, row-major.
 *
 * @param width  image width
 * @param height image height
 * @param labels label of each pixel ({@code y * width + x})
 * @param count  number of superpixels
 */
public record Segments(int width, int height, int[] labels, int count) {

    /** Renumbers arbitrary labels to {@code 0..n-1} in order of first appearance. */
    public static Segments compact(int width, int height, int[] raw) {
        java.util.Map<Integer, Integer> ids = new java.util.HashMap<>();
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            Integer id = ids.get(raw[i]);
            if (id == null) {
                id = ids.size();
                ids.put(raw[i], id);
            }
            out[i] = id;
        }
        return new Segments(width, height, out, ids.size());
    }

    /** Pixels per superpixel. */
    public int[] sizes() {
        int[] s = new int[count];
        for (int l : labels) {
            s[l]++;
        }
        return s;
    }
}
