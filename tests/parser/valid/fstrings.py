x = 42
name = 'world'
width, precision = 10, 3
value = 3.14159
items = {'a': 1}

simple = f'hello {name}'
upper = F"x={x}"
raw_f = rf'\n{x}\d' + fr'{x}\w' + Rf'' + fR'{x}' + RF'{x!r}' + FR'{{}}'
conversions = f'{name!r} {name!s} {name!a}'
specs = f'{value:.2f} {value:{width}.{precision}} {x:>10} {x:#x} {x:,} {x:_}'
nested_spec = f'{value:{width}}|{value:{"<"}{width}}|{x:{"0"}>{width}d}'
debug = f'{x=} {x = } {x=!r} {x=:>5} {x =!s:^9} {name.upper()=}'
nested_quotes = f"{items['a']}" + f'{"nested"}' + f'''{'a' + "b"}''' + f"""{f'{x}'}"""
nested_f = f'{f"{x}"}' + f"{f'{x!r:>{width}}'}" + f'''{f"{f'{x}'}"}'''
braces = f'{{literal}} {{{x}}} }}{{'
expressions = f'{x + 1} {x if x else 0} {[i for i in range(3)]} {(lambda: 1)()} {items["a"]:03}'
dict_in_f = f'{ {"k": 1}["k"] }'
walrus_in_f = f'{(y := 10)}'
triple_f = f"""multi
{x}
line {name!r:>{width}}"""
multiline_expr = f'''{
    x
    +
    1
}'''
concat = 'a' f'{x}' "b" f"{name}" 'c'
concat_mixed = ('plain'
                f'{x}'
                'more')
bytes_concat = b'a' b'b' rb'c'
empty_f = f''
only_literal = f'no fields'
spec_with_colon = f'{x:{":"}^{width}}'
escapes_in_f = f'\n{x}\t\x41{{\N{BULLET}'
non_ascii_f = f'é{name}ü{x}😀'
starred = f'{*items,}'
tuple_f = f'{x, name}'
await_like = f'{x!r:{"^"}10}'
