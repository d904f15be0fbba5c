#!/usr/bin/env python3
"""Time until every account is loaded, and whether the UI answered keys meanwhile.

Starts COMMAND in a fresh tmux pane (private server, 200x50, xterm-256color), waits for the
first frame (--expect), then presses Down over and over while the status line says the
workbook is still being read (--busy), timing how long each press takes to move the list's
selection marker (or its scroll position). Loading is done when --busy has left the screen.
Then it reads the process's peak RSS (VmHWM).

A workbook opened without the list index draws only once everything is read: then the loaded
time is the first frame, and no key is pressed while loading.

Prints one line per run and a RESULT line:
  RESULT <label> loaded_ms_median=.. first_frame_ms_median=.. keys_during_load=.. slowest_key_ms=..
         rss_kib_median=.. runs=..
usage: loaded.py [--runs N] [--warmup N] --expect TEXT --busy TEXT -- COMMAND [ARGS...]
"""
import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import time


def tmux(sock, *args, check=True):
    result = subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def marker(screen):
    """Where the list's selection is: the line with the marker and the list's position footer."""
    lines = screen.split("\n")
    row = next((i for i, line in enumerate(lines) if "\u25b6" in line), -1)
    footer = re.search(r"(\d+)\u2013(\d+) of (\d+)", screen)
    return (row, footer.group(0) if footer else "")


def one_run(sock, command, args, session):
    t0 = time.monotonic()
    tmux(sock, "new-session", "-d", "-s", session, "-x", "200", "-y", "50", command)
    deadline = t0 + args.timeout
    screen = ""
    while args.expect not in screen:
        if time.monotonic() > deadline:
            raise TimeoutError("no first frame")
        time.sleep(0.005)
        screen = tmux(sock, "capture-pane", "-p", "-t", session, check=False)
    first = (time.monotonic() - t0) * 1000
    # The title is drawn before the status line: let the first frame finish before reading it.
    while True:
        time.sleep(0.005)
        again = tmux(sock, "capture-pane", "-p", "-t", session, check=False)
        if again == screen:
            break
        screen = again
    latencies = []
    if "READ-ONLY" in screen:
        raise RuntimeError("the workbook opened read-only (another instance holds it): the figure would be wrong")
    while args.busy in screen:
        if time.monotonic() > deadline:
            raise TimeoutError("still loading")
        before = marker(screen)
        sent = time.monotonic()
        tmux(sock, "send-keys", "-t", session, "Down")
        while True:
            screen = tmux(sock, "capture-pane", "-p", "-t", session, check=False)
            if marker(screen) != before or args.busy not in screen:
                break
            if time.monotonic() - sent > args.key_timeout:
                raise TimeoutError(f"a key went unanswered for {args.key_timeout} s while loading")
            time.sleep(0.002)
        if args.busy in screen or marker(screen) != before:
            latencies.append((time.monotonic() - sent) * 1000)
    loaded = (time.monotonic() - t0) * 1000
    pid = tmux(sock, "display-message", "-p", "-t", session, "#{pane_pid}").strip()
    rss = None
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    # Gone before the next run starts: a dying instance would still hold the workbook's lock, and the
    # next one would open read-only (its status line then shows that instead of the reading line).
    try:
        os.kill(int(pid), 9)
    except (OSError, ValueError):
        pass
    for _ in range(200):
        try:
            os.kill(int(pid), 0)
        except (OSError, ValueError):
            break
        time.sleep(0.01)
    tmux(sock, "kill-session", "-t", session, check=False)
    return first, loaded, latencies, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--expect", required=True)
    ap.add_argument("--busy", required=True)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--key-timeout", type=float, default=5)
    ap.add_argument("--label", default="")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    argv = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not argv:
        ap.error("no command")
    command = "exec env TERM=xterm-256color " + " ".join(shlex.quote(a) for a in argv)
    sock = f"loaded-{os.getpid()}"
    tmux(sock, "-f", "/dev/null", "new-session", "-d", "-s", "keepalive", "-x", "200", "-y", "50", "exec sleep 100000")
    tmux(sock, "set-option", "-g", "status", "off")
    firsts, loadeds, keys, slowest, rsses = [], [], [], [], []
    try:
        for i in range(args.warmup + args.runs):
            first, loaded, latencies, rss = one_run(sock, command, args, f"run{i}")
            kind = "warm-up" if i < args.warmup else "run"
            print(f"{kind} {i + 1}: first frame {first:.1f} ms, all loaded {loaded:.1f} ms, "
                  f"{len(latencies)} keys answered while loading (slowest {max(latencies, default=0):.1f} ms), peak_rss={rss} KiB")
            if i >= args.warmup:
                firsts.append(first)
                loadeds.append(loaded)
                keys.append(len(latencies))
                slowest.append(max(latencies, default=0))
                if rss:
                    rsses.append(rss)
    finally:
        tmux(sock, "kill-server", check=False)
    print("RESULT\t{}\tloaded_ms_median={:.1f}\tfirst_frame_ms_median={:.1f}\tkeys_during_load={}\tslowest_key_ms={:.1f}\trss_kib_median={}\truns={}".format(
        args.label, statistics.median(loadeds), statistics.median(firsts), min(keys), max(slowest),
        int(statistics.median(rsses)) if rsses else "", args.runs))


if __name__ == "__main__":
    sys.exit(main())
