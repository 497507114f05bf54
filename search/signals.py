"""Keep the search index in step with publishing (CFPB style: the publish signals drive indexing).

Indexing never breaks an editor's action: a failure is logged, and
`manage.py search_reindex` repairs the index.
"""

import logging

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import PortalDocument
from search import services
from search.models import HelpRule, SynonymGroup
from search.selectors import clear_editors_lists_cache

logger = logging.getLogger(__name__)


def _safely(action, **kwargs):
    try:
        action(**kwargs)
    except Exception:
        logger.exception("Search indexing failed: %s(%s)", action.__name__, kwargs)


@receiver(page_published, dispatch_uid="search.index_published_page")
def index_published_page(sender, instance, **kwargs):
    _safely(services.index_page, page=instance)
    if not instance.is_leaf():
        _safely(services.index_descendants_with_stale_urls, page=instance)


@receiver(page_unpublished, dispatch_uid="search.remove_unpublished_page")
def remove_unpublished_page(sender, instance, **kwargs):
    _safely(services.remove_page, page_id=instance.pk)


@receiver(post_delete, dispatch_uid="search.remove_deleted_page")
def remove_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page) and sender is Page:
        _safely(services.remove_page, page_id=instance.pk)


@receiver(post_page_move, dispatch_uid="search.index_moved_pages")
def index_moved_pages(sender, instance, **kwargs):
    _safely(services.index_subtree, page=instance)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="search.index_restricted_pages_on_save")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="search.index_restricted_pages_on_delete")
def index_restricted_pages(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _safely(services.index_subtree, page=page)


@receiver(post_save, sender=CollectionViewRestriction, dispatch_uid="search.index_collection_on_save")
@receiver(post_delete, sender=CollectionViewRestriction, dispatch_uid="search.index_collection_on_delete")
def index_pages_with_files_in_collection(sender, instance, **kwargs):
    _safely(
        services.index_pages_with_documents,
        documents=PortalDocument.objects.filter(collection_id=instance.collection_id),
    )


@receiver(post_save, sender=PortalDocument, dispatch_uid="search.index_pages_with_document")
def index_pages_with_document(sender, instance, created=False, **kwargs):
    if not created:
        _safely(services.index_pages_with_documents, documents=[instance])


@receiver(post_save, sender=SynonymGroup, dispatch_uid="search.clear_cache_synonym_saved")
@receiver(post_delete, sender=SynonymGroup, dispatch_uid="search.clear_cache_synonym_deleted")
@receiver(post_save, sender=HelpRule, dispatch_uid="search.clear_cache_help_rule_saved")
@receiver(post_delete, sender=HelpRule, dispatch_uid="search.clear_cache_help_rule_deleted")
@receiver(post_save, sender=SearchPromotion, dispatch_uid="search.clear_cache_promotion_saved")
@receiver(post_delete, sender=SearchPromotion, dispatch_uid="search.clear_cache_promotion_deleted")
@receiver(post_delete, sender=Query, dispatch_uid="search.clear_cache_query_deleted")
def clear_editors_lists(sender, **kwargs):
    clear_editors_lists_cache()
