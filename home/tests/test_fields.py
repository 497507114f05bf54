import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from home.fields import ChoiceSetField, contains_lookup, encode_choices
from home.models import Audience, SchoolLevel
from resources.factories import ArticlePageFactory, GuidancePageFactory
from resources.models import ArticlePage, GuidancePage


def audiences_field():
    return ArticlePage._meta.get_field("audiences")


def stored(page, field_name):
    """The raw text the database holds for `field_name` of `page`."""
    model = type(page)
    return model.objects.annotate(raw=Cast(field_name, CharField())).values_list("raw", flat=True).get(pk=page.pk)


# --- encoding ------------------------------------------------------------------------


def test_values_are_stored_between_separators():
    assert encode_choices(["parents", "teachers"]) == "|parents|teachers|"
    assert encode_choices(["parents", ""]) == "|parents|"
    assert encode_choices([]) == ""


def test_contains_lookup_looks_for_the_whole_value():
    assert contains_lookup("audiences", "parents") == {"audiences__contains": "|parents|"}


def test_to_python_accepts_stored_text_lists_and_nothing():
    field = audiences_field()

    assert field.to_python("|parents|teachers|") == ["parents", "teachers"]
    assert field.to_python(["students", ""]) == ["students"]
    assert field.to_python(("students",)) == ["students"]
    assert field.to_python("") == []
    assert field.to_python(None) == []


def test_prep_value_orders_by_the_choices_and_drops_duplicates():
    field = audiences_field()

    assert field.get_prep_value(["teachers", "parents", "teachers"]) == "|parents|teachers|"
    assert field.get_prep_value("|students|parents|") == "|parents|students|"
    assert field.get_prep_value([]) == ""


def test_deconstruct_leaves_out_the_defaults():
    _name, path, _args, kwargs = ChoiceSetField(choices=Audience.choices).deconstruct()

    assert path == "home.fields.ChoiceSetField"
    assert "max_length" not in kwargs
    assert "blank" not in kwargs
    assert "default" not in kwargs


def test_deconstruct_keeps_a_required_set_required():
    _name, _path, args, kwargs = ChoiceSetField(choices=Audience.choices, blank=False).deconstruct()

    assert kwargs["blank"] is False
    assert ChoiceSetField(*args, **kwargs).blank is False


# --- validation and forms -----------------------------------------------------------------


def test_validate_rejects_unknown_values_and_names_them():
    with pytest.raises(ValidationError) as error:
        audiences_field().validate(["parents", "aliens", "robots"], None)

    assert "aliens, robots" in error.value.messages[0]


def test_validate_accepts_known_values_and_nothing_when_blank_is_allowed():
    audiences_field().validate(["parents", "students"], None)
    audiences_field().validate([], None)


def test_a_required_choice_set_must_not_be_empty():
    field = ChoiceSetField(choices=Audience.choices, blank=False)

    with pytest.raises(ValidationError) as error:
        field.validate([], None)
    assert error.value.code == "blank"


@pytest.mark.django_db
def test_full_clean_of_a_page_rejects_an_unknown_school_level(guidance_index):
    page = GuidancePageFactory(parent=guidance_index)
    page.school_levels = ["primary", "university"]

    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "school_levels" in error.value.message_dict


def test_form_field_is_a_set_of_checkboxes_of_the_choices():
    form_field = audiences_field().formfield()

    assert isinstance(form_field, forms.TypedMultipleChoiceField)
    assert isinstance(form_field.widget, forms.CheckboxSelectMultiple)
    assert form_field.required is False
    assert [value for value, _label in form_field.choices] == Audience.values
    assert form_field.clean(["teachers", "parents"]) == ["teachers", "parents"]
    with pytest.raises(ValidationError):
        form_field.clean(["aliens"])


# --- database round trip and lookups (run on SQLite and PostgreSQL) ------------------------


@pytest.mark.django_db
def test_round_trip_keeps_the_set_in_choice_order(article_index):
    article = ArticlePageFactory(parent=article_index, audiences=["teachers", "parents", "teachers"])

    assert stored(article, "audiences") == "|parents|teachers|"
    assert ArticlePage.objects.get(pk=article.pk).audiences == ["parents", "teachers"]


@pytest.mark.django_db
def test_round_trip_of_an_empty_set(article_index):
    article = ArticlePageFactory(parent=article_index, audiences=[])

    assert stored(article, "audiences") == ""
    assert ArticlePage.objects.get(pk=article.pk).audiences == []


@pytest.mark.django_db
def test_round_trip_through_a_revision(article_index):
    article = ArticlePageFactory(parent=article_index, audiences=["students"])
    article.audiences = ["teachers", "students"]
    revision = article.save_revision()

    assert revision.as_object().audiences == ["students", "teachers"]
    revision.publish()
    assert ArticlePage.objects.get(pk=article.pk).audiences == ["students", "teachers"]


@pytest.mark.django_db
def test_contains_lookup_filters_one_value(guidance_index):
    primary = GuidancePageFactory(parent=guidance_index, school_levels=["primary"])
    both = GuidancePageFactory(parent=guidance_index, school_levels=["primary", "lower-secondary"])
    upper = GuidancePageFactory(parent=guidance_index, school_levels=["upper-secondary"])
    GuidancePageFactory(parent=guidance_index, school_levels=[])

    def having(level):
        return set(GuidancePage.objects.filter(**contains_lookup("school_levels", level)))

    assert having(SchoolLevel.PRIMARY) == {primary, both}
    assert having(SchoolLevel.LOWER_SECONDARY) == {both}
    assert having(SchoolLevel.UPPER_SECONDARY) == {upper}
    assert having(SchoolLevel.PRESCHOOL) == set()


@pytest.mark.django_db
def test_contains_lookup_never_matches_part_of_a_value(guidance_index):
    GuidancePageFactory(parent=guidance_index, school_levels=["lower-secondary", "upper-secondary"])

    for fragment in ("secondary", "lower", "upper-secondary|lower", "-"):
        assert not GuidancePage.objects.filter(**contains_lookup("school_levels", fragment)).exists(), fragment


@pytest.mark.django_db
def test_contains_lookups_combine_with_or_and_and(article_index):
    parents = ArticlePageFactory(parent=article_index, audiences=["parents"])
    students = ArticlePageFactory(parent=article_index, audiences=["students"])
    both = ArticlePageFactory(parent=article_index, audiences=["parents", "students"])

    either = Q(**contains_lookup("audiences", "parents")) | Q(**contains_lookup("audiences", "students"))
    assert set(ArticlePage.objects.filter(either)) == {parents, students, both}
    assert set(
        ArticlePage.objects.filter(**contains_lookup("audiences", "parents")).filter(
            **contains_lookup("audiences", "students")
        )
    ) == {both}
