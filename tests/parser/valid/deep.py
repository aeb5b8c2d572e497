x = ((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))
y = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
z = -------------------------------------------------------1
w = not not not not not not not not not not not not not not not a
v = a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f
u = f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(1))))))))))))))))))))
t = 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 20
s = lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: 1
r = a if b else c if d else e if f else g if h else i if j else k
q = a < b < c < d < e < f < g < h < i < j
p = x[1][2][3][4][5][6][7][8][9][10]
if a:
    if b:
        if c:
            if d:
                if e:
                    if f:
                        if g:
                            if h:
                                if i:
                                    if j:
                                        pass
