import pytest
from django.template import Context, Template
from django.utils import translation

from home.factories import DocumentFactory
from home.models import PortalDocument
from home.tests import sample_files as samples


def render(document, label=None):
    template = Template("{% load document_tags %}<ul class='download-list'>{% document_download document label %}</ul>")
    return template.render(Context({"document": document, "label": label}))


def padded(data, size):
    return data + b"%" * (size - len(data))


@pytest.fixture
def pdf_document(db):
    DocumentFactory(title="Sổ tay an toàn", file__filename="so-tay.pdf", file__data=padded(samples.pdf_bytes(), 2560))
    return PortalDocument.objects.get()


def test_renders_a_served_link_with_type_and_size(pdf_document, django_assert_num_queries):
    with translation.override("en"), django_assert_num_queries(0):
        html = render(pdf_document)
    assert '<li class="download">' in html
    assert f'href="/documents/{pdf_document.pk}/{pdf_document.filename}"' in html
    assert "/media/" not in html
    assert '<span class="download__label">Sổ tay an toàn</span>' in html
    assert '<span class="download__type">PDF</span>' in html
    assert '<span class="download__size">2.5\xa0KB</span>' in html


def test_size_is_translated(pdf_document):
    with translation.override("vi"):
        html = render(pdf_document)
    assert '<span class="download__size">2,5\xa0KB</span>' in html


def test_label_overrides_the_title(pdf_document):
    assert '<span class="download__label">Tải bản PDF</span>' in render(pdf_document, "Tải bản PDF")


def test_unknown_size_is_left_out_without_touching_the_file(pdf_document, django_assert_num_queries):
    pdf_document.file_size = None
    pdf_document.file.open = None  # opening the file here would fail loudly
    with django_assert_num_queries(0):
        html = render(pdf_document)
    assert "download__size" not in html
    assert '<span class="download__type">PDF</span>' in html


def test_missing_document_renders_nothing():
    assert "<li" not in render(None)


def test_several_documents_cost_no_query(db, django_assert_num_queries):
    for index in range(3):
        DocumentFactory(title=f"Tệp {index}", file__filename=f"tep-{index}.docx", file__data=samples.docx_bytes())
    documents = list(PortalDocument.objects.all())
    template = Template("{% load document_tags %}{% for d in documents %}{% document_download d %}{% endfor %}")
    with django_assert_num_queries(0):
        html = template.render(Context({"documents": documents}))
    assert html.count('<span class="download__type">DOCX</span>') == 3
