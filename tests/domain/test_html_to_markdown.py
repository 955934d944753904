"""WordPress HTML to Markdown: paragraphs without <p>, the newsroom's headings, nothing unsafe kept."""

from __future__ import annotations

from redaction.domain.html_to_markdown import html_to_markdown, html_to_text, wpautop


def test_blank_lines_are_paragraphs_and_single_breaks_stay_breaks() -> None:
    assert wpautop("Un.\nDeux.\n\nTrois.") == "<p>Un.<br />\nDeux.</p>\n<p>Trois.</p>\n"
    assert html_to_markdown("Un.\nDeux.\n\nTrois.") == "Un.  \nDeux.\n\nTrois."


def test_preformatted_text_keeps_its_blank_lines() -> None:
    assert (
        html_to_markdown("Avant\n<pre>a = 1\n\nb = 2</pre>\nAprès")
        == "Avant\n\n```\na = 1\n\nb = 2\n```\n\nAprès"
    )


def test_headings_lists_links_emphasis_quotes_and_images() -> None:
    html = (
        "<h1>Titre</h1><h3>Sous-partie</h3><p>Du <em>texte</em> et du <strong>gras</strong>, "
        '<a href="https://insee.fr">une source</a>.</p><ol><li>un</li><li>deux</li></ol>'
        '<blockquote>Une citation</blockquote><img src="https://x.example/a.jpg" alt="Le port">'
    )
    assert html_to_markdown(html) == (
        "## Titre\n\n### Sous-partie\n\nDu *texte* et du **gras**, [une source](https://insee.fr).\n\n"
        "1. un\n2. deux\n\n> Une citation\n\n![Le port](https://x.example/a.jpg)"
    )


def test_literal_asterisks_are_escaped_in_bodies_but_not_in_comments() -> None:
    assert html_to_markdown("2 * 3 = 6, file_name") == r"2 \* 3 = 6, file\_name"
    assert html_to_text("2 * 3 = 6, file_name") == "2 * 3 = 6, file_name"


def test_scripts_frames_and_javascript_links_are_dropped() -> None:
    html = (
        '<p>Avant</p><script>alert("x")</script><iframe src="https://evil.example"></iframe>'
        '<p><a href="javascript:alert(1)">clic</a> <img src="data:image/png;base64,AAAA" alt="pixel"></p>'
    )
    markdown = html_to_markdown(html)
    assert markdown == "Avant\n\nclic pixel"


def test_caption_and_embed_shortcodes_are_unwrapped_others_kept() -> None:
    html = (
        '[caption id="a1" width="300"]<img src="https://x.example/p.jpg" alt="Port"> Le port[/caption]\n\n'
        '[embed]https://video.example/v/1[/embed]\n\n[gallery ids="1,2"]'
    )
    assert html_to_markdown(html) == (
        '![Port](https://x.example/p.jpg) Le port\n\nhttps://video.example/v/1\n\n[gallery ids="1,2"]'
    )


def test_comment_text_has_no_emphasis_marks_and_readable_links() -> None:
    html = 'Merci <em>beaucoup</em> !<br />Voir <a href="https://a.example">ici</a> et <a href="https://b.example">https://b.example</a>'
    assert html_to_text(html) == "Merci beaucoup !\nVoir ici (https://a.example) et https://b.example"


def test_text_that_reads_like_a_tag_stays_text() -> None:
    html = "Never type &lt;script&gt;alert(1)&lt;/script&gt;, though 3 &lt; 4. <code>&lt;b&gt;</code>"
    assert html_to_markdown(html) == "Never type &lt;script>alert(1)&lt;/script>, though 3 < 4. `<b>`"
    assert html_to_text("&lt;b&gt;bold?&lt;/b&gt;") == "<b>bold?</b>"


def test_text_that_would_start_a_block_stays_text() -> None:
    from redaction.render.markdown import convert_whole

    cases = {
        "<p>#dowork</p>": "#dowork",
        "<p># dowork</p>": "\\# dowork",
        "<p>1. Premier point</p>": "1\\. Premier point",
        "<p>- tiret</p>": "\\- tiret",
        "<p>&gt; pas une citation</p>": "\\> pas une citation",
        "<p>Parmi les étals :<br>- deux poissonniers</p>": "Parmi les étals :  \n\\- deux poissonniers",
        "<p>En mai<br>2024. Une année</p>": "En mai  \n2024. Une année",  # cannot interrupt: as typed
        "<ul><li>- tiret</li></ul>": "- \\- tiret",
    }
    for html, markdown in cases.items():
        assert html_to_markdown(html) == markdown
        rendered = convert_whole(markdown)
        assert "<h1" not in rendered and "<ol>" not in rendered and "<blockquote>" not in rendered
        assert rendered.count("<li>") == html.count("<li>")
