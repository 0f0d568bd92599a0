import pytest

from emulator import Emulator


@pytest.fixture(scope="session")
def demo():
    """The built-in demo data, no rate limit (tests that change shares use `fresh`)."""
    emulator = Emulator("--rate-limit", "off")
    yield emulator
    emulator.stop()


@pytest.fixture(scope="session")
def generated():
    """250 generated images in ap-nanjing."""
    emulator = Emulator("--generate", "250", "--seed", "3", "--rate-limit", "off")
    yield emulator
    emulator.stop()


@pytest.fixture
def fresh():
    """A new demo emulator per test, for tests that change state."""
    started = []

    def start(*args):
        emulator = Emulator(*args)
        started.append(emulator)
        return emulator

    yield start
    for emulator in started:
        emulator.stop()
