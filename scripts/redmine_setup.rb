# Runs inside Redmine (`rails runner`), once, on the template database of scripts/redmine-test-server.sh:
# the REST API on, a private project "support" with the Support tracker, a non-admin user "mailroom" who is a
# Developer there, with a known API key, and two issue custom fields the connector uses:
# "Mailroom key" (the outbox's idempotency key, filterable) and "Requester e-mail".
key = ENV.fetch('MAILROOM_REDMINE_API_KEY')
Setting.rest_api_enabled = '1'
Setting.default_language = 'en'
Setting.host_name = '127.0.0.1'
Setting.mail_from = 'redmine@example.test'
tracker = Tracker.find_by_name!('Support')

user = User.find_by_login('mailroom') || User.new(firstname: 'Mailroom', lastname: 'Connector', mail: 'mailroom@example.test')
user.login = 'mailroom'
user.password = user.password_confirmation = 'mailroom-test-password'
user.save!
token = Token.where(user_id: user.id, action: 'api').first || Token.create!(user: user, action: 'api')
token.update_column(:value, key)

project = Project.find_by_identifier('support') || Project.create!(name: 'Support', identifier: 'support', is_public: false)
project.trackers = [tracker]
project.enabled_module_names = ['issue_tracking']
project.save!
role = Role.find_by_name!('Developer')
unless Member.where(project_id: project.id, user_id: user.id).exists?
  Member.create!(project: project, principal: user, role_ids: [role.id])
end

fields = ['Mailroom key', 'Requester e-mail'].map do |name|
  IssueCustomField.find_by_name(name) ||
    IssueCustomField.create!(name: name, field_format: 'string', is_filter: true, searchable: true, is_for_all: true,
                             visible: true, editable: true, tracker_ids: [tracker.id])
end
puts "PROJECT #{project.identifier}"
puts "TRACKER #{tracker.id}"
puts "KEY_FIELD #{fields[0].id}"
puts "REQUESTER_FIELD #{fields[1].id}"
