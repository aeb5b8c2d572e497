a, b, x, w = 1, 2, 3, 10
ne = f'{a!=b}'
spec_equals = f'{x:=5}'
walrus = f'{(x:=5)}'
cond = f'{"a" if x else "b"}'
lambda_f = f'{(lambda y: y * 2)(x)}'
dict_f = f'{dict(a=1)["a"]}'
set_f = f'{ {1, 2} }'
spaces = f'{ x }' f'{x  =}' f'{ x = !r}'
nested_format = f'{x:{w}.{w}}' f'{x:{"*"}^{w}}'
debug_spec = f'{x=:{w}}'
call_kw = f'{print(x, sep="")}'
attr_f = f'{x.real}' f'{x.real=}'
subscript = f'{[1, 2][0]}' f'{ {"k": 1}["k"]=}'
string_in_spec = f'{x:{"abc"!r}}'
bytes_f = f'{b"x"}'
implicit_in_f = f'{"a" "b"}'
multi = (f'{a}'
         f'{b}'
         'plain'
         f'{x!r}')
triple_nested = f"""{f'''{x}'''}"""
triple_multiline = f'''
    line {a}
    {b:>{w}}
    {
        x
    }
'''
rf_braces = rf'\{{x}}\{x}'
escaped_brace_spec = f'{x:{{}}>{w}}' if False else ''
empty_parts = f'{x}{x}{x}'
only_brace_escape = f'{{}}'
unicode_f = f'{"é"}ü{x}😀{"日本"!a}'
line_cont = f'{x}\
{a}'
