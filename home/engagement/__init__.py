"""Reader engagement shared by the content apps: "Was this page helpful?" answers.

Page types opt in with a class attribute `accepts_feedback = True`, so this
package never imports the apps that define them.
"""
