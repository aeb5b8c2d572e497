nonlocal x.y
