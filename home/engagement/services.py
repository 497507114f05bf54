from home.models import PageFeedback


def record_feedback(*, page, helpful, comment):
    return PageFeedback.objects.create(page=page, helpful=helpful, comment=comment.strip())
