"""Drives the signkit kernel over ZeroMQ with jupyter_client, as a notebook front end does, and prints one line per
check for KernelOverZmqTest: completion, inspection, %%time, %records (argument: a run folder), then a forged
message (bad signature), a signed one that is not JSON and a one-frame message, after which a kernel_info_request
must still be answered. Run with JUPYTER_PATH pointing at a kernelspec installed for the test."""
import json
import sys
import time

import zmq
from jupyter_client import KernelManager


def run(kc, code):
    """Executes code; returns (stdout text, execute_result data) from iopub."""
    msg_id = kc.execute(code)
    out, data = "", {}
    while True:
        m = kc.get_iopub_msg(timeout=120)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "stream":
            out += m["content"]["text"]
        elif m["msg_type"] in ("execute_result", "display_data"):
            data = m["content"]["data"]
        elif m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return out, data


def reply(kc, msg_id):
    """The shell reply to msg_id (earlier replies, e.g. wait_for_ready's kernel_info, are skipped)."""
    while True:
        m = kc.get_shell_msg(timeout=60)
        if m["parent_header"].get("msg_id") == msg_id:
            return m


km = KernelManager(kernel_name="signkit")
km.start_kernel()
kc = km.client()
kc.start_channels()
try:
    kc.wait_for_ready(timeout=180)
    code = "Notebook.rec"
    r = reply(kc, kc.complete(code, len(code)))["content"]
    print("COMPLETE", ",".join(r["matches"]), r["cursor_start"], r["cursor_end"], flush=True)
    code = "org.signkit.stats.StatsTables"
    r = reply(kc, kc.inspect(code, len(code)))["content"]
    print("INSPECT", r["found"], json.dumps(r["data"].get("text/plain", "")), flush=True)
    out, _ = run(kc, "%%time\nint x = 6 * 7;")
    print("TIME", json.dumps(out), flush=True)
    _, data = run(kc, "%records " + sys.argv[1])
    print("RECORDS", json.dumps(data.get("text/html", "")), flush=True)

    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.connect("%s://%s:%d" % (km.transport, km.ip, km.shell_port))
    header = json.dumps({"msg_id": "forged", "username": "x", "session": "x", "msg_type": "kernel_info_request",
                         "version": "5.3", "date": "2026-12-02T00:00:00Z"}).encode()
    sock.send_multipart([b"<IDS|MSG>", b"0" * 64, header, b"{}", b"{}", b"{}"])
    broken = [b"{not json", b"{}", b"{}", b"{}"]
    sock.send_multipart([b"<IDS|MSG>", kc.session.sign(broken)] + broken)
    sock.send_multipart([b"just one frame"])
    time.sleep(2)
    info = reply(kc, kc.kernel_info())
    print("REPLY", info["msg_type"], info["parent_header"].get("msg_type"), flush=True)
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
