# Debian's _sqlite3 binary through cpyext: tables, parameters, row factories,
# user functions, aggregates and collations, transactions, adapters, blobs, errors.
import sqlite3
print(sqlite3.sqlite_version_info >= (3, 0), sqlite3.paramstyle, sqlite3.threadsafety)
con = sqlite3.connect(":memory:")
cur = con.cursor()
cur.execute("create table t (id integer primary key, name text, score real, data blob)")
cur.executemany("insert into t (name, score, data) values (?, ?, ?)",
                [("alice", 1.5, b"\x00\x01"), ("bob", None, None), ("carol", -3.25, b"xyz"), ("émile", 2**40, b"")])
print(cur.rowcount, cur.lastrowid)
con.commit()
for row in con.execute("select * from t order by id"):
    print(row)
print(con.execute("select count(*), sum(score), max(name) from t").fetchone())
con.row_factory = sqlite3.Row
r = con.execute("select id, name from t where name = :n", {"n": "bob"}).fetchone()
print(type(r).__name__, r["name"], r[0], r.keys(), tuple(r), dict(r))
con.row_factory = lambda c, row: {d[0]: v for d, v in zip(c.description, row)}
print(con.execute("select name, score from t where id = 3").fetchall())
con.row_factory = None
print(con.execute("select 1 + 1, 'a' || 'b', x'414243', null, 3.5").fetchone())
print(cur.description)
# errors
for sql in ["select * from nope", "insert into t values (1, 'x', 0, null)", "syntax error here"]:
    try:
        con.execute(sql)
    except sqlite3.Error as e:
        print(type(e).__name__, e)
try:
    con.execute("select ?", (1, 2))
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
# user functions and aggregates
con.create_function("double", 1, lambda x: x * 2)
print(con.execute("select double(21), double('ab')").fetchone())
class Avg:
    def __init__(self): self.n = 0; self.s = 0
    def step(self, v): self.n += 1; self.s += v
    def finalize(self): return self.s / self.n
con.create_aggregate("myavg", 1, Avg)
print(con.execute("select myavg(id) from t").fetchone())
con.create_collation("rev", lambda a, b: (a < b) - (a > b))
print(con.execute("select name from t order by name collate rev").fetchall())
def boom(x): raise ValueError("no")
con.create_function("boom", 1, boom)
try:
    con.execute("select boom(1)").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError", e)
# transactions
con.execute("create table u (x)")
with con:
    con.execute("insert into u values (1)")
try:
    with con:
        con.execute("insert into u values (2)")
        raise KeyError("rollback")
except KeyError:
    pass
print(con.execute("select * from u").fetchall(), con.in_transaction, con.isolation_level)
# adapters and converters
import datetime
con2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
con2.execute("create table d (day date, ts timestamp)")
sqlite3.register_adapter(complex, lambda c: f"{c.real};{c.imag}")
con2.execute("create table c (v complexnum)")
sqlite3.register_converter("complexnum", lambda b: complex(*map(float, b.split(b";"))))
con2.execute("insert into c values (?)", (3 + 4j,))
print(con2.execute("select v from c").fetchone())
print(con2.execute("select typeof(v) from c").fetchone())
# iterdump, executescript, blobs, fetchmany
con.executescript("create table s (a, b); insert into s values (1, 2); insert into s values (3, 4);")
print(list(con.iterdump())[:4])
c = con.execute("select * from s")
print(c.fetchmany(1), c.fetchmany(5), c.fetchone())
print(con.total_changes > 0)
con.execute("create table bl (b blob)")
con.execute("insert into bl values (zeroblob(8))")
with con.blobopen("bl", "b", 1) as blob:
    blob.write(b"hello")
    blob.seek(0)
    print(blob.read(), len(blob))
con.close()
try:
    con.execute("select 1")
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
# large data round trip
con = sqlite3.connect(":memory:")
con.execute("create table big (s text, b blob, i integer)")
con.executemany("insert into big values (?, ?, ?)", ((str(i) * 50, bytes([i % 256]) * 100, i * 10**12) for i in range(500)))
rows = con.execute("select * from big").fetchall()
print(len(rows), rows[123][0][:10], rows[-1][2], sum(len(r[1]) for r in rows))
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))
