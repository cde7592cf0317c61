from litsite.render.pages import link_dois, relative_root


def test_doi_urls_become_links():
    html = "Gillard, S. (2014). <i>X</i>. https://doi.org/10.3310/hsdr02190."
    assert link_dois(html) == (
        'Gillard, S. (2014). <i>X</i>. <a class="doi" href="https://doi.org/10.3310/hsdr02190">https://doi.org/10.3310/hsdr02190</a>.'
    )


def test_doi_links_not_doubled():
    html = '<a href="https://doi.org/10.1/x">https://doi.org/10.1/x</a>'
    assert link_dois(html) == html


def test_relative_root():
    assert relative_root("index.html") == ""
    assert relative_root("references/x/index.html") == "../../"
