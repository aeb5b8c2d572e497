# selectors and asyncio over select.epoll: DefaultSelector is the EpollSelector, which registers,
# modifies, selects with timeouts and unregisters; asyncio's event loop (built on it) runs
# callbacks, socket streams and a subprocess with pipes; an epoll object nobody references has its
# descriptor closed by the collector.
import asyncio
import gc
import os
import select
import selectors
import socket
import sys
import time

print('--- selectors')
print(selectors.DefaultSelector.__name__, hasattr(select, 'epoll'))
with selectors.DefaultSelector() as sel:
    a, b = socket.socketpair()
    sel.register(a, selectors.EVENT_READ, 'a-data')
    print(sel.select(0))
    b.send(b'ping')
    events = sel.select(1)
    print([(key.fileobj is a, key.data, mask) for key, mask in events])
    sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, 'both')
    print(sorted(mask for key, mask in sel.select(0)))
    print(sel.get_key(a).data, len(sel.get_map()))
    sel.unregister(a)
    t0 = time.monotonic()
    print(sel.select(0.05), time.monotonic() - t0 >= 0.04)
    a.close()
    b.close()
    fd = sel.fileno()
print(sel._selector.closed)

print('--- asyncio')
async def echo_server(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()

async def streams():
    ra, wa = socket.socketpair()
    server_reader, server_writer = await asyncio.open_connection(sock=ra)
    client_reader, client_writer = await asyncio.open_connection(sock=wa)
    task = asyncio.create_task(echo_server(server_reader, server_writer))
    client_writer.write(b'hello epoll\n')
    await client_writer.drain()
    print(await client_reader.readline())
    await task
    client_writer.close()

async def child():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, '-c', 'import sys; data = sys.stdin.read(); print(data[::-1]); sys.exit(3)',
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(b'abc')
    print(out, err, proc.returncode)

async def timers():
    loop = asyncio.get_running_loop()
    print(type(loop._selector).__name__)
    fired = []
    loop.call_later(0.02, fired.append, 'later')
    loop.call_soon(fired.append, 'soon')
    await asyncio.sleep(0.05)
    print(fired)
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.05)
    except asyncio.TimeoutError:
        print('timed out')

async def main():
    await timers()
    await streams()
    await child()
asyncio.run(main())

print('--- collected')
def unreferenced():
    return select.epoll().fileno()
fd = unreferenced()
gc.collect()
try:
    os.fstat(fd)
except OSError as e:
    print('closed', e.errno)
else:
    print('still open')
