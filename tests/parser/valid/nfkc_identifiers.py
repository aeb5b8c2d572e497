# Identifiers are NFKC-normalised: the AST says 'full', 'fi' and 'a'.
ｆｕｌｌ = 1
ﬁ = 2
ª = 3
print(ｆｕｌｌ, ﬁ, ª)
