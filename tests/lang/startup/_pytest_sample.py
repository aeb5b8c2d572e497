# The target of run_pytest.py (not a test program of its own: the leading
# underscore keeps the runner off it).
import pytest


def add(a, b):
    return a + b


def test_add():
    assert add(2, 3) == 5


@pytest.mark.parametrize("a,b,c", [(1, 2, 3), (2, 2, 4), (0, 0, 1)])
def test_param(a, b, c):
    assert add(a, b) == c


def test_raises():
    with pytest.raises(ZeroDivisionError, match="division"):
        1 / 0


@pytest.fixture
def data():
    return {"xs": [1, 2, 3]}


def test_fixture(data):
    assert sum(data["xs"]) == 6


def test_rewritten_message():
    left = [1, 2, 3]
    assert left == [1, 2, 4]


class TestGroup:
    def test_method(self):
        assert "tern" in "intern"

    @pytest.mark.skip(reason="shown as skipped")
    def test_skipped(self):
        raise AssertionError("not run")

    @pytest.mark.xfail(reason="expected to fail")
    def test_xfail(self):
        assert False
