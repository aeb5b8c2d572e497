# pyexpat: parsers in several threads at once, their handlers switching
# threads under the GIL (buffer_text on, so flushes happen at element
# boundaries).
import threading

import pyexpat

results = {}


def work(k):
    n = [0]
    p = pyexpat.ParserCreate()
    p.buffer_text = True

    def start(name, attrs):
        n[0] += len(attrs)

    p.StartElementHandler = start
    p.CharacterDataHandler = lambda d: n.__setitem__(0, n[0] + len(d))
    p.Parse(b'<r>', False)
    for i in range(1, 200):
        p.Parse(('<e a="%d" b="x">text %d</e>' % (i, k)).encode(), False)
    p.Parse(b'</r>', True)
    results[k] = n[0]


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
