"""The moderation workflow: one approval step by the reviewers.

Wagtail 8 assigns page workflows per subtree only (`WorkflowPage`;
`WorkflowContentType` is for snippets), so the workflow is assigned to the
Root page: every page below it, in every locale, including home pages created
later, goes through review. Wagtail's default "Moderators approval" workflow,
which was assigned to Root, is deactivated (not deleted, to keep its history).
"""

from django.db import migrations

REVIEWERS = "Người duyệt bài"
WORKFLOW = "Duyệt nội dung"
TASK = "Duyệt bởi người duyệt bài"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    task_content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_content_type, active=True)
    task.groups.set([Group.objects.get(name=REVIEWERS)])

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root_page = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})

    default_workflows = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exclude(pk=workflow.pk)
    WorkflowPage.objects.filter(workflow__in=default_workflows).delete()
    Task.objects.filter(workflow_tasks__workflow__in=default_workflows, name=WAGTAIL_DEFAULT_WORKFLOW).update(
        active=False
    )
    default_workflows.update(active=False)


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow.objects.filter(name=WORKFLOW).delete()
    GroupApprovalTask.objects.filter(name=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0003_editorial_groups")]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
