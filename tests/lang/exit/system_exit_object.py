# A non-int, non-None code is printed (str()) to stderr and the status is 1.
print("object code")
raise SystemExit(["list", "as", "code"])
