x = Tr[ue
y = 1
