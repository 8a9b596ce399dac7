"""bench/weight.py: when further Lighthouse runs can no longer change a median."""

from bench.weight import settled


def test_two_equal_runs_of_three_fix_the_median():
    assert settled([100, 100], 3)
    assert not settled([100, 99], 3)
    assert not settled([100], 3)
    assert settled([99, 100, 100], 3)


def test_five_runs_need_three_equal_values():
    assert not settled([100, 100], 5)
    assert settled([100, 98, 100, 100], 5)
    assert settled([100], 1)
