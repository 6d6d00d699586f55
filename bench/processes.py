"""What the stress and load scripts share: the app's commands and servers as subprocesses
on loopback, with the environment each script gives them."""

import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, seconds: float = 60) -> None:
    """Returns once something listens on the port; exits the script if nothing does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"nothing listens on port {port} after {seconds:.0f} s")


def manage(env, *args, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def manage_or_exit(env, *args) -> str:
    """A command that must work for the script to go on: its output, or the script ends
    with the command's error."""
    done = manage(env, *args)
    if done.returncode:
        sys.exit(f"manage.py {' '.join(args[:2])} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def gunicorn(env, port: int, *options: str, stderr=subprocess.DEVNULL) -> subprocess.Popen:
    """The app served as `make serve` serves it, on 127.0.0.1:PORT, started and listening."""
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "filings.wsgi", "--bind", f"127.0.0.1:{port}", *options],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )
    wait_for(port)
    return server
