"""Drives the signkit kernel over ZeroMQ with jupyter_client: a forged message (bad signature), then a signed one
that is not JSON, then a real kernel_info_request, whose reply must come. Prints REPLY <status> on success.
Run by ForgedMessageTest with JUPYTER_PATH pointing at a kernelspec installed for the test."""
import json
import sys
import time

import zmq
from jupyter_client import KernelManager

km = KernelManager(kernel_name="signkit")
km.start_kernel()
kc = km.client()
kc.start_channels()
try:
    kc.wait_for_ready(timeout=180)
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.connect("%s://%s:%d" % (km.transport, km.ip, km.shell_port))
    header = json.dumps({"msg_id": "forged", "username": "x", "session": "x", "msg_type": "kernel_info_request",
                         "version": "5.3", "date": "2026-12-02T00:00:00Z"}).encode()
    sock.send_multipart([b"<IDS|MSG>", b"0" * 64, header, b"{}", b"{}", b"{}"])
    broken = [b"{not json", b"{}", b"{}", b"{}"]
    sock.send_multipart([b"<IDS|MSG>", kc.session.sign(broken)] + broken)
    sock.send_multipart([b"just one frame"])
    time.sleep(2)
    kc.kernel_info()
    reply = kc.get_shell_msg(timeout=60)
    print("REPLY", reply["msg_type"], reply["parent_header"].get("msg_type"), flush=True)
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
