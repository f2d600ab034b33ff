"""Sets up the Tryton test database for Mailroom (run by tryton-test-server.sh prepare, inside its venv).

Company "Mailroom Demo GmbH" (EUR), minimal chart of accounts, this year's fiscal year with invoice
sequences, taxes VAT 19 % and 7 %, a payment term, the products of rules/catalogue.csv (code = SKU),
a customer (Acme Industries Ltd, purchasing@acme.example), a supplier (Global Parts Supplier GmbH,
VAT DE811907980, billing@globalparts.example), and a validated REST application key of the admin user,
written to rest-key beside the trytond configuration (the tryton connector's `protocol: rest`).
usage: tryton_setup.py TRYTOND_CONF DATABASE CATALOGUE_CSV
"""
import csv
import datetime
import os
import sys
from decimal import Decimal

from proteus import Model, config as proteus_config

conf, database, catalogue = sys.argv[1:4]
proteus_config.set_trytond(database=database, config_file=conf)

from trytond.modules.company.tests.tools import create_company, get_company  # noqa: E402
from trytond.modules.account.tests.tools import (  # noqa: E402
    create_fiscalyear, create_chart, get_accounts, create_tax)
from trytond.modules.account_invoice.tests.tools import (  # noqa: E402
    set_fiscalyear_invoice_sequences, create_payment_term)

Currency = Model.get('currency.currency')
eur = Currency(name='Euro', code='EUR', symbol='€', rounding=Decimal('0.01'), digits=2)
eur.save()
Party = Model.get('party.party')
company_party = Party(name='Mailroom Demo GmbH')
company_party.save()
create_company(company_party, eur)
company = get_company()

fiscalyear = set_fiscalyear_invoice_sequences(create_fiscalyear(company, datetime.date.today()))
fiscalyear.click('create_period')
create_chart(company)
accounts = get_accounts(company)
for rate in ('0.19', '0.07'):
    tax = create_tax(Decimal(rate))
    tax.name = tax.description = 'VAT %s %%' % int(Decimal(rate) * 100)
    tax.save()
payment_term = create_payment_term()
payment_term.save()

ProductCategory = Model.get('product.category')
category = ProductCategory(name='Catalogue')
category.accounting = True
category.account_expense = accounts['expense']
category.account_revenue = accounts['revenue']
category.save()

Uom = Model.get('product.uom')
unit, = Uom.find([('name', '=', 'Unit')])
hour, = Uom.find([('name', '=', 'Hour')])
Template = Model.get('product.template')
with open(catalogue, newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f):
        t = Template()
        t.name = row['name']
        service = row['unit'] == 'hour' or row['sku'].startswith('SRV-')
        t.type = 'service' if service else 'goods'
        t.default_uom = hour if row['unit'] == 'hour' else unit
        t.salable = True
        t.list_price = Decimal(row['unit_price'])
        t.account_category = category
        t.save()
        p, = t.products
        # Tryton 7+: the product's code is the template's prefix + the product's suffix (code is computed).
        p.suffix_code = row['sku']
        p.save()
        assert p.code == row['sku'], (p.code, row['sku'])

Address = Model.get('party.address')
customer = Party(name='Acme Industries Ltd')
customer.contact_mechanisms.new(type='email', value='purchasing@acme.example')
customer.save()
a = customer.addresses[0]
a.street = '1 Harbour Road'; a.city = 'Bristol'; a.postal_code = 'BS1 5TT'
a.save()
supplier = Party(name='Global Parts Supplier GmbH')
supplier.contact_mechanisms.new(type='email', value='billing@globalparts.example')
supplier.identifiers.new(type=None, code='DE811907980')
supplier.save()
s = supplier.addresses[0]
s.street = 'Industriestraße 5'; s.city = 'Hamburg'; s.postal_code = '20095'
s.save()
User = Model.get('res.user')
admin, = User.find([('login', '=', 'admin')])
Application = Model.get('res.user.application')
application = Application(user=admin, application='rest')
application.save()
assert application.state == 'validated', application.state
with open(os.path.join(os.path.dirname(os.path.abspath(conf)), 'rest-key'), 'w') as f:
    f.write(application.key)

print('tryton_setup: company %s, %d products, customer %s, supplier %s' % (
    company.id, len(Template.find([])), customer.id, supplier.id))
