# coroutines: suspended frames resumed by send().  Two workloads: a push
# pipeline of generator coroutines (a parser that groups a stream of tokens
# into records, a filter, a running aggregate), each stage fed by the
# previous stage's send(); and `async def` functions awaiting each other
# recursively, with a hand-written awaitable that suspends to a trampoline
# which resumes the coroutine with send(value).  No event loop, no asyncio.
#
#   coroutines.py [N]
# quick: 2000

import sys


def coroutine(function):
    # Starts the generator, so that it is waiting at its first yield.
    def start(*args):
        gen = function(*args)
        next(gen)
        return gen
    return start


@coroutine
def aggregate(results):
    count = total = biggest = 0
    try:
        while True:
            record = yield
            count += 1
            total += record[1]
            if record[1] > biggest:
                biggest = record[1]
    except GeneratorExit:
        results.append((count, total, biggest))
        raise


@coroutine
def only_even_keys(target):
    while True:
        record = yield
        if record[0] % 2 == 0:
            target.send(record)


@coroutine
def records(target):
    # Tokens come as key, value, value, ..., None: one record per None.
    while True:
        key = yield
        values = []
        while True:
            token = yield
            if token is None:
                break
            values.append(token)
        target.send((key, sum(values), len(values)))


class Ask:
    # Awaiting an Ask suspends the whole coroutine stack up to the
    # trampoline, which answers by sending a number back in.
    def __init__(self, question):
        self.question = question

    def __await__(self):
        answer = yield self.question
        return answer


async def tree_sum(depth, label):
    if depth == 0:
        return await Ask(label)
    left = await tree_sum(depth - 1, label * 2)
    right = await tree_sum(depth - 1, label * 2 + 1)
    return left + right - label


def trampoline(coro):
    asked = 0
    answer = None
    while True:
        try:
            question = coro.send(answer)
        except StopIteration as stop:
            return stop.value, asked
        asked += 1
        answer = question * 3 % 1009


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
    results = []
    sink = aggregate(results)
    parser = records(only_even_keys(sink))
    seed = 1
    for key in range(n):
        parser.send(key)
        seed = (seed * 69069 + 1) & 0xFFFFFFFF
        for i in range(seed >> 29):
            parser.send(seed % (i + 7))
        parser.send(None)
    sink.close()
    count, total, biggest = results[0]
    value, asked = 0, 0
    for i in range(n // 1000 + 1):
        v, a = trampoline(tree_sum(10, i + 1))
        value += v
        asked += a
    print("coroutines %d: %d records, total %d, largest %d; async %d over %d"
          " suspensions" % (n, count, total, biggest, value, asked))


main()
