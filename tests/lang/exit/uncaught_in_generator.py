# An exception raised inside a generator propagates through the consumer loop.
def numbers():
    yield 1
    yield 2
    raise OverflowError("generator broke")
for n in numbers():
    print("got", n)
