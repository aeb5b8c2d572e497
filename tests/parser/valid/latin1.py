# -*- coding: latin-1 -*-
# éè in Latin-1
s = "café üß"
b = b"\xe9"
naïve = s
x = f"{naïve}é"
