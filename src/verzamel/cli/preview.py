"""`verzamel preview`: the letters in the browser, made again whenever a source is saved.

Exit codes: 0 ended with Ctrl-C, 2 no free port or an unknown letter.
"""

from __future__ import annotations

import click

from ..messages import t
from .common import LocalCommand, argument, option, root_option


@click.command(cls=LocalCommand)
@argument("letter_id", required=False, metavar="letter_id")
@option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="preview.port")
@option("--open", "open_browser", is_flag=True, help="preview.open")
@root_option
def preview(project, letter_id, port, open_browser):
    """Serve the documents to the browser while you write (help: `help.preview`)."""
    from ..preview.server import Preview
    from ..sources import UnknownLetter
    from .common import unknown_letter_error

    try:
        running = Preview(project.root, port)
    except OSError as exc:
        click.echo(t("preview.cannot_serve", port=port, error=exc.strerror or exc), err=True)
        raise SystemExit(2) from None
    letters = sorted(running.state.letters)
    if letter_id is not None and letter_id not in letters:
        running.server.server_close()
        raise unknown_letter_error(UnknownLetter([letter_id], letters))
    url = running.url + (f"{letter_id}/kamerbrief" if letter_id else "")
    click.echo(t("preview.serving", url=url))
    click.echo(t("preview.stop_hint"))
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        running.serve_forever()
    except KeyboardInterrupt:
        click.echo(t("preview.stopped"))
    raise SystemExit(0)
