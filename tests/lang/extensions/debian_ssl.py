# Debian's _ssl binary through cpyext: contexts, SSLError and its subclasses
# (C types deriving from OSError), memory BIOs, sockets wrapped (_socket.CAPI),
# and a full TLS handshake between two threads over a socketpair.
import ssl, socket, threading, _ssl
print(ssl.OPENSSL_VERSION.split()[0], ssl.HAS_SNI, ssl.HAS_TLSv1_3, ssl.PROTOCOL_TLS_CLIENT)
ctx = ssl.create_default_context()
print(ctx.verify_mode, ctx.check_hostname, ctx.protocol, ctx.minimum_version, ctx.options & ssl.OP_NO_SSLv3 != 0)
print(len(ctx.get_ca_certs()) >= 0, ctx.cert_store_stats().keys())
e = ssl.SSLError(1, "boom")
print(str(e), e.errno, e.strerror, e.args)
class X(ssl.SSLError): pass
print(str(X(5, "five")), isinstance(X(), OSError))
try:
    raise ssl.SSLZeroReturnError(6, "zero")
except ssl.SSLError as e:
    print(type(e).__name__, e, type(e).__mro__[1].__name__)
try:
    ctx.load_cert_chain("/nonexistent.pem")
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    ctx.load_verify_locations(cadata="not a cert")
except ssl.SSLError as e:
    print(type(e).__name__, e.reason, e.library)
try:
    ssl.SSLContext(99)
except ValueError as e:
    print("ValueError", e)
ctx2 = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx2.set_ciphers("ECDHE+AESGCM")
print(all("name" in c for c in ctx2.get_ciphers()))
print(ssl.RAND_status(), len(ssl.RAND_bytes(16)))
print(ssl.get_default_verify_paths()._fields)
print(ssl.cert_time_to_seconds("Jan  5 09:34:43 2018 GMT"))
# memory BIOs: a client handshake writes a ClientHello
inc, out = ssl.MemoryBIO(), ssl.MemoryBIO()
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx.check_hostname = False
cctx.verify_mode = ssl.CERT_NONE
obj = cctx.wrap_bio(inc, out, server_hostname="example.com")
try:
    obj.do_handshake()
except ssl.SSLWantReadError as e:
    print("SSLWantReadError", e.args[0], type(e).__mro__[1].__name__)
hello = out.read()
print(hello[:1], len(hello) > 100, out.pending, inc.pending)
print(obj.server_hostname, obj.server_side, obj.version())
# a socketpair wrapped: handshake fails on non-TLS peer data
a, b = socket.socketpair()
b.sendall(b"HTTP/1.0 400 nonsense\r\n\r\n")
b.close()
s = cctx.wrap_socket(a, server_hostname="x", do_handshake_on_connect=False)
s.settimeout(5)
try:
    s.do_handshake()
except (ssl.SSLError, OSError) as e:
    print(type(e).__name__, getattr(e, "reason", None))
print(s.gettimeout(), s.fileno() >= 0)
s.close()
print(s.fileno())
CERT = "/usr/lib/python3.11/test/keycert3.pem"
CA = "/usr/lib/python3.11/test/pycacert.pem"
sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(CERT)
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx.load_verify_locations(CA)
a, b = socket.socketpair()
result = {}
def server():
    with sctx.wrap_socket(b, server_side=True) as s:
        data = s.recv(1024)
        s.sendall(data.upper())
        result["server_version"] = s.version()
t = threading.Thread(target=server)
t.start()
with cctx.wrap_socket(a, server_hostname="localhost") as c:
    print(c.version(), c.cipher()[1], c.getpeercert()["subject"])
    c.sendall(b"hello over tls")
    print(c.recv(1024))
    print(c.selected_alpn_protocol(), c.compression(), c.server_side, len(c.getpeercert(True)) > 100)
t.join()
print(result)
a2, b2 = socket.socketpair()
def bad_server():
    try:
        with sctx.wrap_socket(b2, server_side=True) as s:
            s.recv(10)
    except (ssl.SSLError, OSError) as e:
        pass
t = threading.Thread(target=bad_server); t.start()
try:
    with cctx.wrap_socket(a2, server_hostname="wronghost") as c:
        pass
except ssl.SSLCertVerificationError as e:
    print(type(e).__name__, e.verify_code, e.reason)
t.join()
