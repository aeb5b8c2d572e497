if True:
	x = 1
	if x:
		y = 2
		z = [1,
			2]
	else:
		pass
def f():
	return 1
class C:
	def m(self):
	    return 1
	def n(self):
	    if self:
	    	pass
