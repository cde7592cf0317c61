import io

from litsite.progress import Progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_quiet_when_not_a_terminal():
    stream = io.StringIO()
    bar = Progress(stream)
    bar("rendering", 5, 10)
    bar.close()
    assert stream.getvalue() == ""


def test_bar_on_a_terminal_and_cleared():
    stream = Tty()
    bar = Progress(stream)
    bar("rendering", 0, 10)
    bar("rendering", 10, 10)
    assert "rendering [##############################] 10/10" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r\033[K")
