# Blocking calls release the GIL: a thread blocked in each of them must not
# stop the main thread from running the code that unblocks it (else the
# program hangs and the test times out).
import os
import select
import socket
import subprocess
import sys
import threading
import time

results = {}


def run(name, target, unblock):
    t = threading.Thread(target=lambda: results.__setitem__(name, target()))
    t.start()
    time.sleep(0.01)  # let the thread block first (not needed for correctness)
    unblock()
    t.join()
    print(name, results[name])


# os.read / os.write on a pipe
r, w = os.pipe()
run("os.read", lambda: os.read(r, 100), lambda: os.write(w, b"data"))

# select.select and select.poll
run("select", lambda: len(select.select([r], [], [], 10)[0]), lambda: os.write(w, b"x"))
os.read(r, 10)
if hasattr(select, "poll"):
    p = select.poll()
    p.register(r, select.POLLIN)
    run("poll", lambda: [ev for fd, ev in p.poll(10000)] == [select.POLLIN], lambda: os.write(w, b"y"))
    os.read(r, 10)

# _io.FileIO.read and a buffered reader over the pipe
f = open(r, "rb", buffering=0, closefd=False)
run("FileIO.read", lambda: f.read(5), lambda: os.write(w, b"12345"))
br = open(r, "rb", closefd=False)
run("BufferedReader.readline", lambda: br.readline(), lambda: os.write(w, b"line\n"))

# a writer blocked on a full pipe
os.set_blocking(w, True)
fill = b"z" * 70000
run("os.write (full pipe)", lambda: os.write(w, fill) > 0, lambda: [os.read(r, 65536) for _ in range(1)])
while True:
    rl, _, _ = select.select([r], [], [], 0)
    if not rl:
        break
    os.read(r, 65536)
os.close(r)
os.close(w)

# sockets: recv, accept, connect/sendall
a, b = socket.socketpair()
run("recv", lambda: b.recv(100), lambda: a.sendall(b"over the socket"))
a.settimeout(5)
run("recv with timeout", lambda: a.recv(100), lambda: b.sendall(b"timed"))
a.close()
b.close()
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(("127.0.0.1", 0))
server.listen()
port = server.getsockname()[1]
conns = []


def accept():
    conn, _ = server.accept()
    conns.append(conn)
    return conn.recv(10)


client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
run("accept", accept, lambda: (client.connect(("127.0.0.1", port)), client.sendall(b"hi")))
client.close()
conns[0].close()
server.close()

# waitpid (subprocess.wait) while the main thread feeds the child
child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)


def feed():
    child.stdin.write(b"bye")
    child.stdin.close()


run("waitpid", child.wait, feed)

# time.sleep: several threads sleep at the same time
t0 = time.monotonic()
ts = [threading.Thread(target=time.sleep, args=(0.3,)) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("sleeps overlapped:", time.monotonic() - t0 < 1.2)

# the main thread keeps running Python while a thread sleeps
stop = threading.Event()
count = [0]


def sleepy():
    time.sleep(0.2)
    stop.set()


t = threading.Thread(target=sleepy)
t.start()
while not stop.is_set():
    count[0] += 1
t.join()
print("main ran during the sleep:", count[0] > 10)
