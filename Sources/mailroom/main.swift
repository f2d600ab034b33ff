import Mailroom
print(MailroomVersion.string)
