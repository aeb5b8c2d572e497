# Non-ASCII before tokens on the same line: col_offset is in UTF-8 bytes.
s = 'é' + 'ü'; t = '😀'; u = "日本語" + x
café = 1
naïve_ñ = café + 1
π = 3.14
日本 = π * 2
x = ('ü', 'ß', [日本, naïve_ñ]); y = {"☃": π}
def fünction(ärg, *, kwärg=日本): return ärg.ëxtra
class Ĉlass(Base): ä: int = 'ö'
f'{π}ü{café!r}' + f'日{日本:>{π}}'
