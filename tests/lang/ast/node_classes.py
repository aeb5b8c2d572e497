# The classes of the ast module: hierarchy, _fields, _attributes, __match_args__, __doc__,
# None class attributes of optional fields, AST.__init__ and __reduce__, singletons, pickling.
import ast
import copy
import pickle
import _ast

classes = sorted((name, obj) for name, obj in vars(_ast).items() if isinstance(obj, type))
print(len(classes), [name for name, _ in classes if name[0].islower()])
for name, cls in classes:
    own = {k: v for k, v in vars(cls).items() if k not in ("__doc__", "__module__", "__weakref__", "__dict__")}
    print(name, cls.__module__, cls.__qualname__, [b.__name__ for b in cls.__mro__], cls._fields,
          getattr(cls, "_attributes", "-"), cls.__match_args__ if cls is not ast.AST else "-",
          sorted(k for k, v in own.items() if v is None))
    print("   ", repr(cls.__doc__))
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.PyCF_ONLY_AST, ast.AST is _ast.AST, ast.Name is _ast.Name)

def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

# AST.__init__: positional arguments bind to _fields, keywords become attributes.
attempt(lambda: ast.Name("x", ast.Load()).id)
attempt(lambda: sorted(ast.Name("x", ctx=None, lineno=3, other=4).__dict__.items(), key=str))
attempt(lambda: ast.Name("x", ast.Load(), 3))
attempt(lambda: ast.Constant(1, 2, 3))
attempt(lambda: ast.Pass(1))
attempt(lambda: ast.Load(1))
attempt(lambda: ast.AST(1))
attempt(lambda: ast.Name("x", id="y"))
attempt(lambda: ast.BinOp(1, op=2).__dict__ == {"left": 1, "op": 2})
attempt(lambda: ast.Name().id)
attempt(lambda: ast.Name().lineno)
attempt(lambda: (ast.Name().end_lineno, ast.Return().value, ast.ImportFrom().level, ast.arg().type_comment))
attempt(lambda: ast.Module().body)
attempt(lambda: ast.MatchAs().pattern)
attempt(lambda: ast.MatchSingleton().value)
attempt(lambda: ast.pattern.end_lineno)
attempt(lambda: ast.stmt.end_lineno)

# __reduce__, copy, pickle.
n = ast.Name("x", ast.Load(), lineno=1, col_offset=0)
r = n.__reduce__()
print(r[0] is ast.Name, r[1], sorted(r[2]))
print(ast.Name().__reduce__()[2])
print(ast.dump(copy.deepcopy(n), include_attributes=True), ast.dump(copy.copy(n)))
print(ast.dump(pickle.loads(pickle.dumps(n)), include_attributes=True))
tree = ast.parse("def f(a, /, b=2, *c, d, **e):\n    return [a async for a in b if a]\n")
print(ast.dump(pickle.loads(pickle.dumps(tree))) == ast.dump(tree), ast.dump(copy.deepcopy(tree)) == ast.dump(tree))

# Subclasses in Python.
class Pair(ast.AST):
    _fields = ("first", "second")
p = Pair(1, second=2)
print(p.first, p.second, Pair.__mro__[1] is ast.AST, ast.dump(p))
attempt(lambda: Pair(1, 2, 3))
attempt(lambda: Pair(1, first=2))
class NoFields(ast.AST):
    pass
attempt(lambda: NoFields(x=1).x)

# Parsed trees share the context and operator instances.
t1, t2 = ast.parse("a + b"), ast.parse("c + d; del e")
print(t1.body[0].value.left.ctx is t2.body[0].value.left.ctx, t1.body[0].value.op is t2.body[0].value.op,
      t2.body[1].targets[0].ctx is ast.parse("del f").body[0].targets[0].ctx, ast.Load() is ast.Load())
print(type(t1.body[0].value.left.ctx).__name__, ast.Load().__dict__)

# match with __match_args__.
match tree.body[0]:
    case ast.FunctionDef(name, ast.arguments(posonlyargs=[ast.arg(arg=first)]), [ast.Return(value=v)]):
        print("matched", name, first, type(v).__name__)

# The deprecated aliases of ast.py rest on the classes.
print(isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant("s"), ast.Str),
      isinstance(ast.Constant(b"b"), ast.Bytes), isinstance(ast.Constant(...), ast.Ellipsis),
      isinstance(ast.Constant(1), ast.Str), ast.Constant(7).n, ast.Constant("t").s)
