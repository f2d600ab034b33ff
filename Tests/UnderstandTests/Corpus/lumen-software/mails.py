#!/usr/bin/env python3
"""Hand-written evaluation mails received by Lumen Software Services S.L. (Barcelona). Run: python3 mails.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

C = "lumen-software"
D = "lumen-software.example"
MAILROOM = f"Lumen Mailroom <mailroom@{D}>"
VENTAS = f"Lumen Software - Ventas <ventas@{D}>"
SOPORTE = f"Soporte Reservia <soporte@{D}>"
SUPPORT = f"Reservia Support <support@{D}>"
FACTURAS = f"facturas@{D}"


def raw(text: str) -> bytes:
    """A mail written out completely by hand (headers and MIME structure included)."""
    return text.lstrip("\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------------------
# quote_request
# ---------------------------------------------------------------------------------------------------------

write(C, "quote_request", "q01_en_us_clinics_html", build(
    frm="Megan Castillo <mcastillo@sunbelt-dental.example>",
    to=VENTAS,
    subject="Pricing for Reservia - 14 dental offices",
    date="Tue, 06 Oct 2026 17:22:08 -0500",
    html="""<html><head><style>p{margin:0 0 8px 0;font-family:Segoe UI,Arial;font-size:14px}</style></head><body>
<p>Hi Lumen team,</p>
<p>We're Sunbelt Dental Partners, a group of 14 dental offices in Texas and Oklahoma. We saw your Reservia demo
at the HIMSS regional event and would like a quote for:</p>
<ul style="font-family:Segoe UI,Arial;font-size:14px">
<li>Reservia Clinic plan for 14 locations (approx. 60 providers / chairs total)</li>
<li>SMS reminders in English and Spanish (est. 9,000 SMS/month)</li>
<li>Integration with our practice management system (Dentrix-like, on-prem, HL7 feed)</li>
<li>Onboarding &amp; staff training (remote is fine)</li>
</ul>
<p>Please quote in USD, annual billing. We also need a signed BAA for HIPAA &ndash; can you confirm you'd sign one?</p>
<p>Our budget cycle closes Oct 30, so a quote by the 23rd would be great.</p>
<p>Thanks!<br><b>Megan Castillo</b><br>Director of Operations | Sunbelt Dental Partners LLC<br>
(512) 555-0148 | <a href="mailto:mcastillo@sunbelt-dental.example">mcastillo@sunbelt-dental.example</a></p>
</body></html>
"""), {"customer_company": "Sunbelt Dental Partners LLC", "contact_email": "mcastillo@sunbelt-dental.example"})

write(C, "quote_request", "q02_es_hotel_mallorca", build(
    frm="Toni Bestard <direccion@hotelscalanova.example>",
    to=VENTAS,
    subject=encoded("Solicitud de presupuesto - motor de reservas + integración PMS", "iso-8859-15", "Q"),
    date="Wed, 07 Oct 2026 10:04:51 +0200",
    charset="iso-8859-15", cte="quoted-printable",
    text="""Buenos días,

Somos Hotels Cala Nova, S.L., grupo con 3 hoteles en Mallorca (Cala d'Or, Portocolom y Palma, 412
habitaciones en total). Para la temporada 2027 queremos cambiar nuestro motor de reservas.

Necesitaríamos presupuesto para:
1. Motor de reservas Reservia para los 3 hoteles, con pago por TPV virtual (Redsys)
2. Integración bidireccional con nuestro PMS (disponibilidad, tarifas y reservas)
3. Migración de las reservas futuras del sistema actual (aprox. 6.500)
4. Formación para el equipo de recepción (presencial en Palma, si es posible)

Tenemos que tenerlo operativo antes del 1 de marzo de 2027. Os agradecería que nos indicarais también
el coste anual de mantenimiento y las condiciones de soporte en temporada alta.

Un saludo,

Toni Bestard
Director General
Hotels Cala Nova, S.L.
Tel. 971 65 80 21
"""), {"customer_company": "Hotels Cala Nova, S.L.", "contact_email": "direccion@hotelscalanova.example"})

write(C, "quote_request", "q03_ca_clinica_dental_girona", build(
    frm=address("Dra. Montserrat Roca", "mroca@clinicaroca-girona.example", "iso-8859-1"),
    to=f"info@{D}",
    subject=encoded("Petició de pressupost - cita prèvia online", "iso-8859-1", "Q"),
    date="Thu, 15 Oct 2026 13:37:22 +0200",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Bon dia,

Som la Clínica Dental Roca, a Girona (4 gabinets, 2 higienistes). Ens agradaria oferir cita prèvia
online als nostres pacients des del web i per WhatsApp.

Ens podríeu enviar un pressupost de la vostra plataforma Reservia amb:
 - agenda online per a 6 professionals
 - recordatoris per SMS o WhatsApp
 - integració amb el nostre programa de gestió (Gesden)
 - posada en marxa i formació

Si cal, podem fer una videotrucada la setmana vinent.

Moltes gràcies,

Dra. Montserrat Roca i Puigdemont
Clínica Dental Roca, S.L.P.
C/ de la Rutlla 44, 17002 Girona
"""), {"customer_company": "Clínica Dental Roca, S.L.P.", "contact_email": "mroca@clinicaroca-girona.example"})

write(C, "quote_request", "q04_pt_br_rede_clinicas", build(
    frm=address("Rafael Nogueira", "rafael.nogueira@vitalmais-clinicas.example"),
    to=VENTAS,
    subject=encoded("Solicitação de orçamento – agendamento online para 22 unidades", "utf-8", "B"),
    date="Mon, 19 Oct 2026 11:15:40 -0300",
    text="""Olá, tudo bem?

Sou gerente de TI da Rede Vital Mais Clínicas Ltda., com 22 unidades em São Paulo e Campinas.
Estamos avaliando plataformas de agendamento online e gostaríamos de receber um orçamento do Reservia.

Escopo:
- agendamento online para ~180 médicos (várias especialidades)
- lembretes por WhatsApp e SMS em português
- integração via API com nosso prontuário eletrônico (sistema próprio em .NET)
- hospedagem dos dados no Brasil ou, no mínimo, conformidade com a LGPD

Por favor, enviem os valores em R$ (mensalidade e implantação) e o prazo de implantação.
Se possível, gostaríamos de marcar uma demonstração na semana do dia 26.

Abraço,
Rafael Nogueira
Gerente de TI — Rede Vital Mais Clínicas Ltda.
+55 11 95555-0192
"""), {"customer_company": "Rede Vital Mais Clínicas Ltda.", "contact_email": "rafael.nogueira@vitalmais-clinicas.example"})

write(C, "quote_request", "q05_fr_hotel_devis_channel", build(
    frm=address("Amélie Fournier", "reservations@hotel-lesterrasses-annecy.example", "iso-8859-1"),
    to=VENTAS,
    subject="Demande de devis",
    date="Wed, 21 Oct 2026 16:48:03 +0200",
    charset="windows-1252", cte="quoted-printable",
    text="""Bonjour,

Je suis responsable des réservations de l'Hôtel Les Terrasses à Annecy (38 chambres, 4 étoiles).
Nous utilisons déjà votre moteur Reservia via notre agence web, mais nous souhaiterions ajouter :

- le module "channel manager" (Booking, Expedia, Airbnb)
- la gestion des bons cadeaux en ligne
- un second compte administrateur

Pourriez-vous m'envoyer un devis détaillé (mise en service + abonnement mensuel, en €) ?

Merci par avance,
Amélie Fournier
Hôtel Les Terrasses SARL
15 quai de la Tournette, 74000 Annecy
"""), {"customer_company": "Hôtel Les Terrasses SARL", "contact_email": "reservations@hotel-lesterrasses-annecy.example"})

write(C, "quote_request", "q06_es_movil_licencias", build(
    frm=address("Carlos Méndez", "cmendez@fisiosalud-madrid.example"),
    to=f"Laia Ferrer <laia.ferrer@{D}>",
    subject="licencias",
    date="Fri, 23 Oct 2026 19:56:10 +0200",
    text="""Hola Laia, ¿me pasáis precio de 20 licencias más de Reservia para las clínicas nuevas de Getafe y Alcorcón? Mismo plan que tenemos. Y si hay descuento por volumen mejor jaja

Carlos
FisioSalud Madrid S.L.

Enviado desde mi iPhone
"""), {"customer_company": "FisioSalud Madrid S.L.", "contact_email": "cmendez@fisiosalud-madrid.example"})

write(C, "quote_request", "q07_en_fwd_api_integration", build(
    frm=f"Laia Ferrer <laia.ferrer@{D}>",
    to=f"Marc Soler <marc.soler@{D}>",
    subject="Fwd: Estimate for API integration - Harbor Point Hotels",
    date="Mon, 26 Oct 2026 09:12:33 +0100",
    text="""Marc, em pots fer una estimació d'hores per a això? Els he dit que tindrien resposta dijous.
Gràcies!
L.

---------- Forwarded message ---------
From: Derek Lindqvist <derek.lindqvist@harborpoint-hotels.example>
Date: Sat, Oct 24, 2026 at 1:08 AM
Subject: Estimate for API integration - Harbor Point Hotels
To: Laia Ferrer <laia.ferrer@lumen-software.example>


Hi Laia,

As discussed on our call, Harbor Point Hotels Inc. would like a fixed-price estimate for:

  * two-way sync between Reservia and our in-house revenue management tool (REST, OAuth2)
  * webhook for cancellations -> our data warehouse (Snowflake)
  * SSO for hotel staff with Okta (SAML 2.0)
  * a sandbox environment for 3 months of testing

We run 9 properties in Maine and Massachusetts. Please include hosting for the sandbox and a rough
timeline. USD please, and net 45 terms if possible.

Best,
Derek Lindqvist
VP Technology, Harbor Point Hotels Inc.
Portland, ME
"""), {"customer_company": "Harbor Point Hotels Inc.", "contact_email": "derek.lindqvist@harborpoint-hotels.example"})

write(C, "quote_request", "q08_es_licitacion_pdf", build(
    frm="Compras Grupo Hospitalario Levante <compras@ghlevante.example>",
    to=VENTAS,
    subject=encoded("Invitación a presentar oferta - Expediente GHL-TI-2026-014", "utf-8", "Q"),
    date="Tue, 03 Nov 2026 12:00:00 +0100",
    text="""Estimados señores:

Grupo Hospitalario Levante, S.A. les invita a presentar oferta en el procedimiento de referencia
GHL-TI-2026-014 "Plataforma de cita previa online y recordatorios para 5 centros".

Adjuntamos el pliego resumido con los requisitos técnicos y los criterios de valoración. El plazo para
la presentación de ofertas finaliza el 20 de noviembre de 2026 a las 14:00 h. Las consultas deben
remitirse por escrito a esta dirección antes del 13 de noviembre.

Atentamente,

Departamento de Compras
Grupo Hospitalario Levante, S.A.
Avda. de Aragón 30, 46021 Valencia
""",
    attachments=[("Pliego_GHL-TI-2026-014.pdf", "application/pdf", pdf([
        "GRUPO HOSPITALARIO LEVANTE, S.A. - PLIEGO RESUMIDO",
        "Expediente: GHL-TI-2026-014",
        "Objeto: plataforma de cita previa online y recordatorios (5 centros, 240 profesionales)",
        "",
        "Requisitos tecnicos:",
        " 1. Cita previa web y app (iOS/Android), accesibilidad WCAG 2.1 AA",
        " 2. Integracion HL7/FHIR con la historia clinica (HIS)",
        " 3. Recordatorios SMS y correo electronico, confirmacion/anulacion por el paciente",
        " 4. Alojamiento de datos en la UE, cumplimiento RGPD y ENS categoria media",
        " 5. Disponibilidad 99,9 %, soporte 24x7 para incidencias criticas",
        "",
        "Criterios de valoracion: precio 50 %, solucion tecnica 40 %, plazo 10 %",
        "Presupuesto maximo de licitacion: 96.000,00 EUR (IVA excluido), 3 anos",
        "Presentacion de ofertas: hasta el 20/11/2026 a las 14:00 h",
        "Contacto: compras@ghlevante.example",
    ], "Pliego GHL-TI-2026-014"))]), {"customer_company": "Grupo Hospitalario Levante, S.A.", "contact_email": "compras@ghlevante.example"})

write(C, "quote_request", "q09_en_staff_aug", build(
    frm="Priya Raman <priya@tidewellness.example>",
    to=f"hello@{D}",
    subject="quick question re: dev rates",
    date="Thu, 12 Nov 2026 08:41:19 -0800",
    text="""Hey there,

We're a small wellness-clinic booking startup (Tide Wellness Inc., SF) and our React Native dev just
left. Do you do staff augmentation? We'd need roughly 1 senior mobile dev + 1 backend (Node/Postgres)
for ~4 months, starting early January, overlapping at least 3h with Pacific time.

What would your hourly or monthly rates be in USD? A rough range is fine for now.

cheers,
Priya
--
Priya Raman, CTO & co-founder, Tide Wellness Inc.
"""), {"customer_company": "Tide Wellness Inc.", "contact_email": "priya@tidewellness.example"})

# ---------------------------------------------------------------------------------------------------------
# purchase_order
# ---------------------------------------------------------------------------------------------------------

write(C, "purchase_order", "po01_en_us_pdf", build(
    frm="Sunbelt Dental Purchasing <purchasing@sunbelt-dental.example>",
    to=VENTAS,
    cc="Megan Castillo <mcastillo@sunbelt-dental.example>",
    subject="Purchase Order PO-88412 - Lumen Software Services",
    date="Thu, 29 Oct 2026 14:03:17 -0500",
    text="""Hello,

Please find attached Purchase Order PO-88412 for the Reservia rollout at our 14 offices.
Please reference the PO number on all invoices and send them to ap@sunbelt-dental.example.

Regards,
Tanya Brooks
Purchasing Coordinator
Sunbelt Dental Partners LLC
""",
    attachments=[("PO-88412.pdf", "application/pdf", pdf([
        "SUNBELT DENTAL PARTNERS LLC - PURCHASE ORDER",
        "4100 Lake Austin Blvd, Suite 300, Austin, TX 78703, USA",
        "",
        "PO Number: PO-88412          PO Date: 10/29/2026          Terms: Net 30",
        "Vendor: Lumen Software Services S.L., Carrer de Pallars 193, 08005 Barcelona, Spain",
        "Ship/Service to: all 14 locations (see schedule A)",
        "",
        "Line  Description                                   Qty     Unit Price       Amount",
        "1     Reservia Clinic plan, annual, per location    14     $2,940.00     $41,160.00",
        "2     SMS reminder bundle, 108,000 SMS/yr            1     $3,240.00      $3,240.00",
        "3     HL7 integration with PMS (fixed price)         1    $12,500.00     $12,500.00",
        "4     Onboarding & remote staff training             1     $4,800.00      $4,800.00",
        "",
        "                                                  Subtotal            $61,700.00",
        "                                                  Sales tax (exempt)       $0.00",
        "                                                  TOTAL USD           $61,700.00",
        "",
        "BAA signed 10/27/2026 is incorporated by reference.",
        "Authorized by: Megan Castillo, Director of Operations",
    ], "PO-88412"))]), {"order_number": "PO-88412", "total": "61700.00", "currency": "USD", "buyer": "Sunbelt Dental Partners LLC"})

write(C, "purchase_order", "po02_es_pedido_tabla", build(
    frm="Toni Bestard <direccion@hotelscalanova.example>",
    to=f"Laia Ferrer <laia.ferrer@{D}>",
    cc=f"ventas@{D}",
    subject="Pedido PED-2026-0311 - Reservia Hotels Cala Nova",
    date="Mon, 09 Nov 2026 09:38:02 +0100",
    charset="iso-8859-15", cte="quoted-printable",
    text="""Hola Laia,

Después de revisarlo con dirección financiera, os confirmamos el pedido según vuestro presupuesto
P-2026-097 (revisión 2):

Nº de pedido: PED-2026-0311

| Concepto                                          | Importe     |
|---------------------------------------------------|-------------|
| Alta motor de reservas, 3 hoteles (3 x 1.200,00)  |  3.600,00 € |
| Integración bidireccional PMS                     |  9.800,00 € |
| Migración reservas futuras (aprox. 6.500)         |  2.400,00 € |
| Formación presencial Palma (2 jornadas)           |  2.600,00 € |
| TOTAL PEDIDO (IVA no incluido)                    | 18.400,00 € |

Facturación: 50 % a la firma, 50 % a la puesta en marcha. Datos fiscales: Hotels Cala Nova, S.L.,
CIF B07654321, C/ Sant Miquel 12, 07002 Palma.

Por favor, confirmadnos la fecha de arranque del proyecto.

Un saludo,
Toni Bestard
Hotels Cala Nova, S.L.
"""), {"order_number": "PED-2026-0311", "total": "18400.00", "currency": "EUR", "buyer": "Hotels Cala Nova, S.L."})

write(C, "purchase_order", "po03_pt_br_pedido_compra", build(
    frm=address("Rafael Nogueira", "rafael.nogueira@vitalmais-clinicas.example"),
    to=VENTAS,
    cc="compras@vitalmais-clinicas.example",
    subject="Pedido de compra PC-4512 - Reservia",
    date="Wed, 18 Nov 2026 15:27:44 -0300",
    text="""Boa tarde, pessoal!

Segue nosso pedido de compra conforme a proposta comercial de 06/11:

PEDIDO DE COMPRA Nº PC-4512
Comprador: Rede Vital Mais Clínicas Ltda. — CNPJ 12.345.678/0001-90
Fornecedor: Lumen Software Services S.L.

Item 1 — Licença anual Reservia Clinic, 22 unidades x R$ 1.650,00 ...... R$ 36.300,00
Item 2 — Implantação e integração via API (prontuário) ................. R$ 12.300,00
                                                        Valor total:    R$ 48.600,00

Condições: 30% na assinatura, 70% no go-live. Faturamento em reais.
Início previsto: 11/01/2027.

Qualquer dúvida estou à disposição.

Abraços,
Rafael
Enviado do meu Android
"""), {"order_number": "PC-4512", "total": "48600.00", "currency": "BRL", "buyer": "Rede Vital Mais Clínicas Ltda."})

write(C, "purchase_order", "po04_ca_comanda", build(
    frm="Pere Pinell <pere@maspinell.example>",
    to=f"Laia Ferrer <laia.ferrer@{D}>",
    subject=encoded("Confirmació comanda C-2026/045", "utf-8", "Q"),
    date="Tue, 10 Nov 2026 21:14:36 +0100",
    text="""Hola Laia,

Tal com vam parlar, us confirmem la comanda núm. C-2026/045:

  - Widget de reserves Reservia + configuració de tarifes i temporades ..... 1.450,00 €
  - Nova web del mas (5 pàgines, català/castellà/anglès/francès) ......... 1.500,00 €
  Total (IVA no inclòs) .................................................. 2.950,00 €

Voldríem tenir-ho abans de Setmana Santa. La factura a nom de Mas Pinell Turisme Rural, S.L.

Salut!
Pere Pinell
Mas Pinell - Turisme Rural, Santa Pau (la Garrotxa)
"""), {"order_number": "C-2026/045", "total": "2950.00", "currency": "EUR", "buyer": "Mas Pinell Turisme Rural, S.L."})

write(C, "purchase_order", "po05_en_csv_po", build(
    frm="Harbor Point AP <procurement@harborpoint-hotels.example>",
    to=f"Laia Ferrer <laia.ferrer@{D}>",
    cc="derek.lindqvist@harborpoint-hotels.example",
    subject="PO HPH-2026-1187",
    date="Fri, 13 Nov 2026 10:51:09 -0500",
    text="""Laia,

Attached is PO HPH-2026-1187 for the integration project per your estimate LSS-E-2026-044.
Total $30,350.00, net 45. Please countersign the SOW and send it back with your first invoice.

Thanks,
Jennifer Wu
Procurement, Harbor Point Hotels Inc.
""",
    attachments=[("PO_HPH-2026-1187.csv", "text/csv", """po_number,line,item,description,qty,unit_price_usd,amount_usd
HPH-2026-1187,1,RSV-API-SYNC,"Two-way sync Reservia <> revenue mgmt (REST, OAuth2)",1,18500.00,18500.00
HPH-2026-1187,2,RSV-WEBHOOK,"Cancellation webhook to Snowflake",1,4200.00,4200.00
HPH-2026-1187,3,RSV-SSO,"Okta SSO (SAML 2.0) for hotel staff",1,6300.00,6300.00
HPH-2026-1187,4,RSV-SANDBOX,"Sandbox hosting, per month",3,450.00,1350.00
HPH-2026-1187,,,TOTAL,,,30350.00
""".encode("utf-8"))]), {"order_number": "HPH-2026-1187", "total": "30350.00", "currency": "USD", "buyer": "Harbor Point Hotels Inc."})

write(C, "purchase_order", "po06_fr_bon_commande_html", build(
    frm=address("Dr Julien Marchetti", "secretariat@cm-bellecour.example"),
    to=VENTAS,
    subject="Bon de commande 2026-CL-0087",
    date="Mon, 16 Nov 2026 08:22:51 +0100",
    html="""<html><body style="font-family:Georgia,serif;font-size:14px">
<p>Madame, Monsieur,</p>
<p>Nous vous prions de bien vouloir trouver ci-dessous notre bon de commande.</p>
<table border="1" cellpadding="5" cellspacing="0" style="border-collapse:collapse">
<tr><td colspan="4"><b>Centre Médical Bellecour SELARL</b> &ndash; 12 place Bellecour, 69002 Lyon<br>
Bon de commande n&deg; <b>2026-CL-0087</b> du 16/11/2026</td></tr>
<tr><th>D&eacute;signation</th><th>Qt&eacute;</th><th>P.U. HT</th><th>Total HT</th></tr>
<tr><td>Abonnement annuel Reservia Clinic (par praticien)</td><td>8</td><td>420,00 &euro;</td><td>3 360,00 &euro;</td></tr>
<tr><td>Mise en service et param&eacute;trage</td><td>1</td><td>900,00 &euro;</td><td>900,00 &euro;</td></tr>
<tr><td colspan="3" align="right"><b>Total HT</b></td><td><b>4 260,00 &euro;</b></td></tr>
</table>
<p>TVA intracommunautaire : FR21 812345678 (autoliquidation).<br>
Merci de nous adresser la facture au nom du Centre Médical Bellecour SELARL.</p>
<p>Bien cordialement,<br>Dr Julien Marchetti, g&eacute;rant</p>
</body></html>
"""), {"order_number": "2026-CL-0087", "total": "4260.00", "currency": "EUR", "buyer": "Centre Médical Bellecour SELARL"})

write(C, "purchase_order", "po07_es_gmail_hilo", build(
    frm=address("Carlos Méndez", "cmendez@fisiosalud-madrid.example"),
    to=f"Laia Ferrer <laia.ferrer@{D}>",
    subject="Re: licencias",
    date="Wed, 28 Oct 2026 12:44:20 +0100",
    text="""Perfecto Laia, adelante. Te paso el nº de pedido para la factura: FS-2026-077.

20 licencias Reservia Pro a 35,10 €/licencia/mes (10% dto.), 12 meses = 8.424,00 € (+IVA)

Alta a partir del 1 de diciembre, por favor.

Gracias!
Carlos Méndez
Gerente - FisioSalud Madrid S.L.

El mar, 27 oct 2026 a las 18:05, Laia Ferrer (<laia.ferrer@lumen-software.example>) escribió:
> Hola Carlos,
>
> para 20 licencias adicionales del plan Pro os podemos aplicar un 10% de descuento:
> 35,10 €/licencia/mes en lugar de 39,00 €, compromiso de 12 meses.
> Total anual: 8.424,00 € + IVA.
>
> ¿Os lo preparo?
>
> Un abrazo,
> Laia
>
> El vie, 23 oct 2026 a las 19:56, Carlos Méndez (<cmendez@fisiosalud-madrid.example>) escribió:
>> Hola Laia, ¿me pasáis precio de 20 licencias más de Reservia para las clínicas nuevas de Getafe y
>> Alcorcón? Mismo plan que tenemos.
"""), {"order_number": "FS-2026-077", "total": "8424.00", "currency": "EUR", "buyer": "FisioSalud Madrid S.L."})

write(C, "purchase_order", "po08_en_procurement_portal_html", build(
    frm="ProcureHub on behalf of Lakeside Hospitality Group <no-reply@procurehub.example>",
    to=VENTAS,
    subject="Lakeside Hospitality Group sent you Purchase Order #7700-3321",
    date="Tue, 24 Nov 2026 16:30:02 -0600",
    html="""<html><body style="font-family:Arial,Helvetica,sans-serif;background:#f4f6f8">
<table width="620" align="center" cellpadding="0" cellspacing="0" style="background:#fff;border:1px solid #dfe3e8">
<tr><td style="padding:16px 20px;background:#0b3d91;color:#fff;font-size:18px">ProcureHub</td></tr>
<tr><td style="padding:20px;font-size:14px">
<p><b>Lakeside Hospitality Group LLC</b> has sent you a new purchase order.</p>
<table cellpadding="6" cellspacing="0" width="100%" style="font-size:13px;border-collapse:collapse">
<tr><td width="40%" style="color:#637381">PO Number</td><td><b>7700-3321</b></td></tr>
<tr><td style="color:#637381">Order Date</td><td>11/24/2026</td></tr>
<tr><td style="color:#637381">Supplier</td><td>Lumen Software Services S.L.</td></tr>
<tr><td style="color:#637381">Payment Terms</td><td>Net 30</td></tr>
</table>
<table cellpadding="6" cellspacing="0" width="100%" border="1" style="font-size:13px;border-collapse:collapse;border-color:#dfe3e8;margin-top:12px">
<tr style="background:#f4f6f8"><th align="left">Line</th><th align="left">Item</th><th>Qty</th><th align="right">Unit</th><th align="right">Total</th></tr>
<tr><td>1</td><td>Reservia Hotel plan &ndash; 12 months, per property</td><td align="center">5</td><td align="right">$3,600.00</td><td align="right">$18,000.00</td></tr>
<tr><td>2</td><td>Premium support add-on (24/7), 12 months</td><td align="center">1</td><td align="right">$2,400.00</td><td align="right">$2,400.00</td></tr>
<tr><td colspan="4" align="right">Subtotal</td><td align="right">$20,400.00</td></tr>
<tr><td colspan="4" align="right">Tax</td><td align="right">$0.00</td></tr>
<tr><td colspan="4" align="right"><b>Total (USD)</b></td><td align="right"><b>$20,400.00</b></td></tr>
</table>
<p style="margin-top:18px"><a href="https://procurehub.example/po/7700-3321/ack" style="background:#0b3d91;color:#fff;padding:10px 18px;text-decoration:none">Acknowledge PO</a></p>
<p style="font-size:11px;color:#919eab">Questions about this order? Contact ap@lakeside-hospitality.example. You are receiving this
email because Lumen Software Services S.L. is a registered supplier of Lakeside Hospitality Group LLC on ProcureHub.</p>
</td></tr></table></body></html>
"""), {"order_number": "7700-3321", "total": "20400.00", "currency": "USD", "buyer": "Lakeside Hospitality Group LLC"})

write(C, "purchase_order", "po09_es_pdf_sap", build(
    frm="Compras Sonrisa Plus <compras@sonrisaplus.example>",
    to=VENTAS,
    subject="Pedido de compra 4500009876",
    date="Thu, 03 Dec 2026 11:07:45 +0100",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Adjunto les remitimos el pedido de compra nº 4500009876.
Rogamos confirmación de recepción y de la fecha de entrega del hito 1.

Departamento de Compras
Clínicas Dentales Sonrisa Plus, S.A.

AVISO LEGAL: Este mensaje y sus archivos adjuntos van dirigidos exclusivamente a su destinatario,
pudiendo contener información confidencial sometida a secreto profesional. No está permitida su
reproducción o distribución sin la autorización expresa de Clínicas Dentales Sonrisa Plus, S.A.
Si usted no es el destinatario final por favor elimínelo e infórmenos por esta vía.
""",
    attachments=[("PEDIDO_4500009876.pdf", "application/pdf", pdf([
        "CLINICAS DENTALES SONRISA PLUS, S.A. - PEDIDO DE COMPRA",
        "C/ de Alcala 220, 28028 Madrid - CIF A28123456",
        "",
        "Pedido n.: 4500009876        Fecha: 03.12.2026",
        "Proveedor: 100457 Lumen Software Services S.L. - Carrer de Pallars 193 - 08005 Barcelona",
        "",
        "Pos.  Material / Servicio                          Cant.   Precio        Importe",
        "10    Desarrollo app movil cita previa - hito 1      1     14.500,00     14.500,00",
        "20    Hosting dedicado (mensual)                    12        310,00      3.720,00",
        "",
        "                                       Base imponible           18.220,00 EUR",
        "                                       IVA 21%                   3.826,20 EUR",
        "                                       Total pedido             22.046,20 EUR",
        "",
        "Condiciones de pago: 60 dias fecha factura, dia de pago 25",
        "Indicar el numero de pedido en la factura. Sin numero de pedido no se tramitara.",
    ], "Pedido 4500009876"))]), {"order_number": "4500009876", "total": "22046.20", "currency": "EUR", "buyer": "Clínicas Dentales Sonrisa Plus, S.A."})

# ---------------------------------------------------------------------------------------------------------
# invoice
# ---------------------------------------------------------------------------------------------------------

write(C, "invoice", "inv01_en_cloud_html_usd", build(
    frm="NimbusCloud Billing <billing@nimbuscloud.example>",
    to=FACTURAS,
    subject="Your NimbusCloud invoice INV-2026-11-884213 ($3,412.88)",
    date="Tue, 01 Dec 2026 09:14:55 +0000",
    text="""NimbusCloud Inc. - Invoice INV-2026-11-884213
Invoice date: December 1, 2026 | Billing period: Nov 1 - Nov 30, 2026
Account: lumen-prod (ID 4418-2207-9931)

Compute instances            $2,184.40
Managed PostgreSQL             $812.60
Object storage                  $96.33
Data transfer out              $319.55
Subtotal                     $3,412.88
Tax (reverse charge)             $0.00
Total due                    $3,412.88

Charged to Visa ending 4471 on December 3, 2026.
""",
    html="""<html><body style="font-family:-apple-system,Segoe UI,Roboto,Arial;font-size:14px;color:#1a1a1a">
<div style="max-width:560px;margin:auto">
<h2 style="color:#3b5bdb">NimbusCloud</h2>
<p>Hi Lumen Software Services S.L.,</p>
<p>Your invoice for November 2026 is ready.</p>
<table width="100%" cellpadding="6" style="border-collapse:collapse;font-size:14px">
<tr><td>Invoice number</td><td align="right"><b>INV-2026-11-884213</b></td></tr>
<tr><td>Invoice date</td><td align="right">December 1, 2026</td></tr>
<tr><td>Account</td><td align="right">lumen-prod (ID 4418-2207-9931)</td></tr>
<tr><td colspan="2"><hr></td></tr>
<tr><td>Compute instances</td><td align="right">$2,184.40</td></tr>
<tr><td>Managed PostgreSQL</td><td align="right">$812.60</td></tr>
<tr><td>Object storage</td><td align="right">$96.33</td></tr>
<tr><td>Data transfer out</td><td align="right">$319.55</td></tr>
<tr><td>Subtotal</td><td align="right">$3,412.88</td></tr>
<tr><td>Tax (reverse charge &ndash; VAT to be accounted for by the recipient, ES B66123456)</td><td align="right">$0.00</td></tr>
<tr><td><b>Total due (USD)</b></td><td align="right"><b>$3,412.88</b></td></tr>
</table>
<p>We will charge your Visa ending 4471 on December 3, 2026. <a href="https://console.nimbuscloud.example/billing">View invoice PDF</a></p>
<p style="font-size:12px;color:#777">NimbusCloud Inc., 500 Howard St, San Francisco, CA 94105</p>
</div></body></html>
"""),
    {"invoice_number": "INV-2026-11-884213", "issue_date": "2026-12-01", "seller": "NimbusCloud Inc.", "currency": "USD",
     "net_total": "3412.88", "tax_total": "0.00", "gross_total": "3412.88"})

write(C, "invoice", "inv02_es_autonomo_irpf", build(
    frm=address("Sergio Lozano Martín", "sergio.lozano.dev@correo-personal.example", "iso-8859-1"),
    to=FACTURAS,
    cc=f"Ana Ribas <ana.ribas@{D}>",
    subject="Factura noviembre",
    date="Mon, 30 Nov 2026 20:41:12 +0100",
    charset="utf-8", cte="8bit",
    text="""Hola Núria,

te paso la factura de noviembre (horas proyecto Cala Nova, validadas por Ana).

-------------------------------------------------
FACTURA Nº 2026-041
Fecha: 30/11/2026

Emisor: Sergio Lozano Martín - NIF 12345678Z
C/ de Sardenya 311, 4º 2ª, 08025 Barcelona

Cliente: Lumen Software Services S.L. - NIF B66123456
Carrer de Pallars 193, 08005 Barcelona

Concepto                                         Horas   Precio    Importe
Desarrollo backend integración PMS Cala Nova       48    50,00 €   2.400,00 €

Base imponible                                                     2.400,00 €
IVA 21%                                                              504,00 €
Retención IRPF 15%                                                  -360,00 €
TOTAL FACTURA                                                      2.544,00 €

Forma de pago: transferencia a ES87 0049 1500 0527 1014 3822
(IBAN ES8700491500052710143822)
-------------------------------------------------

Gracias!
Sergio
"""),
    {"invoice_number": "2026-041", "issue_date": "2026-11-30", "seller": "Sergio Lozano Martín", "currency": "EUR",
     "net_total": "2400.00", "gross_total": "2544.00", "iban": "ES8700491500052710143822"})

write(C, "invoice", "inv03_ca_autonoma_pdf", build(
    frm=address("Marta Vilaró", "hola@martavilaro-disseny.example"),
    to=FACTURAS,
    subject="Factura 2026-019 - disseny UI app Sonrisa Plus",
    date="Mon, 02 Nov 2026 10:26:30 +0100",
    text="""Bon dia!

Us adjunto la factura 2026-019 del disseny de les pantalles de l'app (primera fase).
Recordeu que aplico la retenció del 7% perquè sóc autònoma nova.

Gràcies i bona setmana,
Marta

Marta Vilaró i Soler · Disseny d'interfícies
""",
    attachments=[("Factura_2026-019_MartaVilaro.pdf", "application/pdf", pdf([
        "FACTURA 2026-019",
        "Marta Vilaró i Soler - NIF 47123456K",
        "C/ de la Verge 8, 3r 1a, 08001 Barcelona - hola@martavilaro-disseny.example",
        "",
        "Data: 02/11/2026",
        "Client: Lumen Software Services S.L. - NIF B66123456 - Carrer de Pallars 193, 08005 Barcelona",
        "",
        "Concepte                                                       Import",
        "Disseny UI app cita prèvia (fase 1): 24 pantalles, prototip    1.850,00 EUR",
        "",
        "Base imposable                                                 1.850,00 EUR",
        "IVA 21%                                                          388,50 EUR",
        "Retenció IRPF 7%                                                -129,50 EUR",
        "TOTAL A PAGAR                                                  2.109,00 EUR",
        "",
        "Pagament per transferència a 15 dies:",
        "IBAN ES2501822370460201584756 (BBVA)",
    ], "Factura 2026-019"))]),
    {"invoice_number": "2026-019", "issue_date": "2026-11-02", "seller": "Marta Vilaró i Soler", "currency": "EUR",
     "net_total": "1850.00", "gross_total": "2109.00", "iban": "ES2501822370460201584756"})

write(C, "invoice", "inv04_en_ie_licences_pdf", build(
    frm="Kestrel Software Accounts <accounts@kestrel-software.example>",
    to=FACTURAS,
    subject="Invoice KS-INV-104233",
    date="Wed, 14 Oct 2026 12:02:40 +0100",
    text="""Dear Customer,

Please find attached invoice KS-INV-104233 for your annual Kestrel IDE subscription renewal.

Kind regards,
Accounts Receivable
Kestrel Software Ltd
""",
    attachments=[("KS-INV-104233.pdf", "application/pdf", pdf([
        "Kestrel Software Ltd - INVOICE",
        "Block 4, Harcourt Road, Dublin 2, D02 HW77, Ireland - VAT IE9876543W",
        "",
        "Invoice No: KS-INV-104233           Invoice Date: 14 Oct 2026",
        "Bill to: Lumen Software Services S.L., Carrer de Pallars 193, 08005 Barcelona, Spain",
        "Customer VAT: ESB66123456",
        "",
        "Description                                  Qty   Unit price     Amount",
        "Kestrel IDE All Products - annual, named      12      599.00    7,188.00",
        "Period: 15 Oct 2026 - 14 Oct 2027",
        "",
        "Net amount                                                EUR 7,188.00",
        "VAT 0% - reverse charge, Art. 196 Council Directive 2006/112/EC    0.00",
        "Total due                                                 EUR 7,188.00",
        "",
        "Payment terms: 30 days. Bank: AIB, IBAN IE29AIBK93115212345678, BIC AIBKIE2D",
    ], "KS-INV-104233"))]),
    {"invoice_number": "KS-INV-104233", "issue_date": "2026-10-14", "seller": "Kestrel Software Ltd", "currency": "EUR",
     "net_total": "7188.00", "tax_total": "0.00", "gross_total": "7188.00", "iban": "IE29AIBK93115212345678"})

write(C, "invoice", "inv05_es_telefonia_html", build(
    frm=address("Telefonía Mediterránea", "facturacion@telmediterranea.example"),
    to=f"admin@{D}",
    subject=encoded("Su factura de noviembre ya está disponible", "utf-8", "Q"),
    date="Thu, 05 Nov 2026 07:30:12 +0100",
    headers=[("List-Unsubscribe", "<https://telmediterranea.example/preferencias>")],
    html="""<html><body style="font-family:Arial;font-size:14px;color:#333">
<table width="600" align="center" cellpadding="0" cellspacing="0">
<tr><td style="background:#00857c;padding:14px;color:#fff;font-size:20px">Telefonía Mediterránea</td></tr>
<tr><td style="padding:18px">
<p>Hola, LUMEN SOFTWARE SERVICES S.L.:</p>
<p>Ya tienes disponible tu factura de Fibra Empresa 1 Gb + 6 líneas móviles.</p>
<table cellpadding="5" style="font-size:14px">
<tr><td>Nº de factura</td><td><b>TM-26-3348871</b></td></tr>
<tr><td>Fecha de emisión</td><td>05/11/2026</td></tr>
<tr><td>Periodo</td><td>01/10/2026 - 31/10/2026</td></tr>
<tr><td>Base imponible</td><td>186,20 €</td></tr>
<tr><td>IVA (21%)</td><td>39,10 €</td></tr>
<tr><td><b>Total factura</b></td><td><b>225,30 €</b></td></tr>
</table>
<p>El importe se cargará en tu cuenta domiciliada el 15/11/2026.</p>
<p><a href="https://telmediterranea.example/area-clientes" style="background:#00857c;color:#fff;padding:8px 16px;text-decoration:none">Descargar factura PDF</a></p>
<p style="font-size:11px;color:#999">Telefonía Mediterránea, S.A. · CIF A46111222 · Valencia</p>
</td></tr></table></body></html>
"""),
    {"invoice_number": "TM-26-3348871", "issue_date": "2026-11-05", "seller": "Telefonía Mediterránea, S.A.", "currency": "EUR",
     "net_total": "186.20", "tax_total": "39.10", "gross_total": "225.30"})

write(C, "invoice", "inv06_en_reminder_past_due", build(
    frm="PagerPulse <billing@pagerpulse.example>",
    to=FACTURAS,
    subject="[Action required] Invoice PP-20419 is past due",
    date="Mon, 16 Nov 2026 15:00:00 +0000",
    text="""Hi Lumen Software Services,

We weren't able to collect payment for the invoice below. Your card on file (Mastercard ending 0932)
was declined. Please update your payment method to avoid an interruption of your alerting service.

  Invoice number:  PP-20419
  Invoice date:    October 15, 2026
  Due date:        November 14, 2026
  Plan:            Team (annual), 12 seats x $99.00
  Amount due:      $1,188.00 USD

  Sales tax: $0.00 (customer outside the US)

Update payment method: https://app.pagerpulse.example/billing

PagerPulse, Inc. · 1209 Orange Street, Wilmington, DE 19801
"""),
    {"invoice_number": "PP-20419", "issue_date": "2026-10-15", "seller": "PagerPulse, Inc.", "currency": "USD",
     "gross_total": "1188.00"})

write(C, "invoice", "inv07_en_credit_memo", build(
    frm="NimbusCloud Billing <billing@nimbuscloud.example>",
    to=FACTURAS,
    cc=f"marc.soler@{D}",
    subject="Credit memo CM-2026-00417 issued to your account",
    date="Fri, 20 Nov 2026 18:45:02 +0000",
    text="""Hello,

Following your SLA claim (case #5512903) for the Compute service disruption in eu-south-2 on
November 3, 2026, we have issued the following credit memo:

  Credit memo number:   CM-2026-00417
  Date:                 November 20, 2026
  Applies to:           INV-2026-10-861557
  Description:          SLA credit - 10% of monthly Compute charges
  Credit amount:        -$250.00 USD
  Tax:                   $0.00

The credit will be applied automatically to your next invoice.

NimbusCloud Inc. Billing Team
"""),
    {"invoice_number": "CM-2026-00417", "issue_date": "2026-11-20", "seller": "NimbusCloud Inc.", "currency": "USD",
     "gross_total": "-250.00"})

write(C, "invoice", "inv08_pt_fatura_autoliquidacao", build(
    frm=address("Código Atlântico - Faturação", "faturacao@codigoatlantico.example"),
    to=FACTURAS,
    subject=encoded("Fatura FT 2026/312 – serviços de QA novembro", "utf-8", "B"),
    date="Fri, 27 Nov 2026 17:10:27 +0000",
    text="""Boa tarde,

Enviamos em anexo (e abaixo) a fatura relativa aos serviços de testes prestados em novembro.

Código Atlântico, Lda. · Rua do Alecrim 45, 1200-015 Lisboa · NIPC 509876543

FATURA FT 2026/312                      Data: 2026-11-27
Cliente: Lumen Software Services S.L. · NIF ES B66123456

Serviços de testes (QA) app Reservia — 40 h x 80,00 €        3.200,00 €
Total ilíquido                                                3.200,00 €
IVA — autoliquidação (art. 6.º, n.º 6, al. a) do CIVA)            0,00 €
Total                                                         3.200,00 €

Pagamento por transferência até 2026-12-27:
IBAN PT29003300004531234567805 (Millennium bcp)

Com os melhores cumprimentos,
Inês Carvalho
"""),
    {"invoice_number": "FT 2026/312", "issue_date": "2026-11-27", "seller": "Código Atlântico, Lda.", "currency": "EUR",
     "net_total": "3200.00", "tax_total": "0.00", "gross_total": "3200.00", "iban": "PT29003300004531234567805"})

write(C, "invoice", "inv09_ca_coworking_pdf", build(
    frm="Espai Poblenou Coworking <admin@espaipoblenou.example>",
    to=FACTURAS,
    subject="Factura desembre / Factura diciembre F26-1123",
    date="Tue, 01 Dec 2026 09:00:41 +0100",
    text="""Hola equip de Lumen,

Adjuntem la factura F26-1123 corresponent al mes de desembre. Es carregarà per rebut domiciliat el dia 5.
Adjuntamos la factura F26-1123 del mes de diciembre. Se cargará por recibo domiciliado el día 5.

Salutacions,
Espai Poblenou Coworking
""",
    attachments=[("F26-1123.pdf", "application/pdf", pdf([
        "Espai Poblenou Coworking S.L.",
        "C/ de Pere IV 110, 08005 Barcelona - NIF B65998877",
        "",
        "FACTURA / INVOICE   F26-1123              Data / Fecha: 01/12/2026",
        "Client: Lumen Software Services S.L. - B66123456",
        "",
        "Concepte / Concepto                           Quant.   Preu     Import",
        "Lloc fix / Puesto fijo - desembre 2026           8    175,00   1.400,00",
        "Sala de reunions / Sala de reuniones (h)         5     10,00      50,00",
        "",
        "Base imposable / Base imponible                            1.450,00 EUR",
        "IVA 21%                                                      304,50 EUR",
        "TOTAL                                                      1.754,50 EUR",
        "",
        "Rebut domiciliat / Recibo domiciliado: 05/12/2026",
        "IBAN creditor: ES2214650100911712345678",
    ], "F26-1123"))]),
    {"invoice_number": "F26-1123", "issue_date": "2026-12-01", "seller": "Espai Poblenou Coworking S.L.", "currency": "EUR",
     "net_total": "1450.00", "tax_total": "304.50", "gross_total": "1754.50", "iban": "ES2214650100911712345678"})

write(C, "invoice", "inv10_en_usage_csv", build(
    frm="Streamline Email API <invoices@streamline-mail.example>",
    to=FACTURAS,
    subject="Invoice SE-2026-11-5521 for Lumen Software Services S.L.",
    date="Mon, 30 Nov 2026 23:59:10 +0000",
    text="""Invoice SE-2026-11-5521
Date: 2026-11-30
Billed to: Lumen Software Services S.L. (ES B66123456)

Pro plan (monthly)                         $449.00
Overage: 193,190 emails @ $1.00 / 1,000    $193.19
Tax                                          $0.00
Total                                      $642.19

Paid - Visa ending 4471. Detailed usage per sending domain attached as CSV.

Streamline Email API Inc., 88 Pine St, Seattle, WA 98101
""",
    attachments=[("usage_2026-11.csv", "text/csv", """domain,emails_sent,included,overage,amount_usd
notify.reservia.example,512480,400000,112480,112.48
mail.hotelscalanova.example,61220,0,61220,61.22
citas.sonrisaplus.example,19490,0,19490,19.49
total,593190,400000,193190,193.19
""".encode("utf-8"))]),
    {"invoice_number": "SE-2026-11-5521", "issue_date": "2026-11-30", "seller": "Streamline Email API Inc.", "currency": "USD",
     "net_total": "642.19", "tax_total": "0.00", "gross_total": "642.19"})

# ---------------------------------------------------------------------------------------------------------
# support_ticket
# ---------------------------------------------------------------------------------------------------------

write(C, "support_ticket", "st01_en_urgent_502", build(
    frm="Megan Castillo <mcastillo@sunbelt-dental.example>",
    to=SUPPORT,
    cc=f"laia.ferrer@{D}",
    subject="URGENT: online booking DOWN at all 14 offices - 502 Bad Gateway",
    date="Mon, 07 Dec 2026 08:03:40 -0600",
    headers=[("X-Priority", "1"), ("Importance", "high")],
    text="""Hi,

Since about 7:40 AM Central our patients can't book online at ANY of our offices. The widget just shows
a spinner and then "Something went wrong". Our front desks are getting flooded with calls on a Monday
morning. This is the busiest day of the week for us.

Our IT guy ran this:

$ curl -i https://api.reservia.example/v2/locations/sunbelt-austin-01/slots?date=2026-12-07
HTTP/2 502
date: Mon, 07 Dec 2026 13:58:12 GMT
content-type: text/html
content-length: 150
x-request-id: 7f3c2a91-0b44-4c5e-9e1d-22a8d6e0c1f3

<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>

Status page says "All systems operational" which is clearly not true.
Please call me ASAP at (512) 555-0148. PO-88412 / contract ref SDP-2026.

Megan Castillo
Director of Operations | Sunbelt Dental Partners LLC
"""), {"customer_email": "mcastillo@sunbelt-dental.example"})

write(C, "support_ticket", "st02_es_login_panel", build(
    frm=address("Recepción Hotel Cala d'Or", "recepcion.calador@hotelscalanova.example"),
    to=SOPORTE,
    subject=encoded("No podemos entrar al panel de administración", "iso-8859-15", "Q"),
    date="Tue, 08 Dec 2026 07:52:18 +0100",
    charset="iso-8859-15", cte="quoted-printable",
    text="""Buenos días,

Desde esta mañana ninguno de los recepcionistas puede entrar en el panel de Reservia.
Al poner usuario y contraseña nos sale "Código de verificación incorrecto" aunque lo metemos bien
(el SMS llega, pero parece que caduca enseguida). Lo hemos intentado desde dos ordenadores y desde el
móvil. Tenemos 14 llegadas hoy y no podemos ver las reservas.

Usuario: recepcion.calador
Hotel: Cala d'Or (Hotels Cala Nova)

¿Nos podéis ayudar urgentemente?

Gracias,
Marina Pons
Recepción Hotel Cala Nova Cala d'Or
"""), {"customer_email": "recepcion.calador@hotelscalanova.example"})

write(C, "support_ticket", "st03_en_api_500_python_trace", build(
    frm="Kevin O'Brien <kobrien@harborpoint-hotels.example>",
    to=SUPPORT,
    subject="POST /v2/reservations returns 500 for multi-room bookings",
    date="Wed, 09 Dec 2026 16:31:05 -0500",
    text="""Hi Reservia support,

We're testing the revenue-mgmt sync in the sandbox (PO HPH-2026-1187) and every reservation with more than
one room fails with a 500. Single-room bookings work fine. Request/response and our client trace below.

Request:
POST https://sandbox-api.reservia.example/v2/reservations
Authorization: Bearer eyJhbGciOi...redacted
Content-Type: application/json

{"property_id": "hph-portland-02", "arrival": "2027-01-15", "departure": "2027-01-17",
 "rooms": [{"room_type": "KNG", "guests": 2}, {"room_type": "QQ", "guests": 3}],
 "guest": {"first_name": "Test", "last_name": "Sync", "email": "qa@harborpoint-hotels.example"}}

Response:
HTTP/1.1 500 Internal Server Error
{"error": "internal_error", "message": "Unexpected error", "trace_id": "b1e2c3d4e5f60718"}

Traceback (most recent call last):
  File "/opt/hph/rms_sync/client.py", line 142, in push_reservation
    resp.raise_for_status()
  File "/usr/local/lib/python3.11/site-packages/requests/models.py", line 1021, in raise_for_status
    raise HTTPError(http_error_msg, response=self)
requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: https://sandbox-api.reservia.example/v2/reservations

Could you look up trace_id b1e2c3d4e5f60718 on your side? We're blocked on UAT until this works.

Thanks,
Kevin O'Brien
Integration Engineer, Harbor Point Hotels Inc.
"""), {"customer_email": "kobrien@harborpoint-hotels.example"})

write(C, "support_ticket", "st04_pt_br_erro_sincronizacao", build(
    frm=address("Juliana Batista", "juliana.batista@vitalmais-clinicas.example"),
    to=SUPPORT,
    cc=address("Rafael Nogueira", "rafael.nogueira@vitalmais-clinicas.example"),
    subject=encoded("Erro na sincronização da agenda — pacientes marcados em horário ocupado!!", "utf-8", "B"),
    date="Thu, 10 Dec 2026 10:02:33 -0300",
    text="""Bom dia,

Estamos no piloto da unidade Campinas-Cambuí e a situação está ficando insustentável: pelo terceiro
dia seguido o Reservia está deixando pacientes agendarem em horários que já estão ocupados no nosso
prontuário. Hoje de manhã tivemos 7 pacientes com dois agendamentos no mesmo horário, com o mesmo médico.
Os pacientes ficaram furiosos na recepção.

Nosso log de integração mostra isto a cada sincronização:

2026-12-10T09:41:07.118-03:00 ERROR [SyncWorker] Falha ao enviar bloqueio de agenda
  POST /v2/providers/vm-cmb-018/blocks -> 409 Conflict
  {"error":"slot_version_mismatch","expected_version":41,"received_version":40}
2026-12-10T09:41:07.120-03:00 WARN  [SyncWorker] Retentativa 3/3 esgotada, bloqueio descartado

Precisamos de uma solução HOJE, senão vamos suspender o piloto. Pedido PC-4512.

Juliana Batista
Coordenadora de Atendimento — Rede Vital Mais Clínicas Ltda.
"""), {"customer_email": "juliana.batista@vitalmais-clinicas.example"})

write(C, "support_ticket", "st05_ca_correus_no_arriben", build(
    frm="Pere Pinell <pere@maspinell.example>",
    to=SOPORTE,
    subject="Les reserves no ens arriben per correu",
    date="Sat, 12 Dec 2026 11:20:49 +0100",
    text="""Hola,

No sé si és cosa nostra o vostra, però des de fa uns dies no ens arriben els correus de confirmació
quan algú reserva a la web. Les reserves sí que surten al panell (n'hi ha dues d'aquesta setmana),
però ni nosaltres ni els clients rebem el correu. Hem mirat el correu brossa i res.

Ens podríeu donar un cop de mà quan pugueu? No és urgentíssim però ens fa patir perdre'n alguna.

Gràcies!
Pere
Mas Pinell - Turisme Rural
"""), {"customer_email": "pere@maspinell.example"})

write(C, "support_ticket", "st06_fr_doublons_rdv", build(
    frm=address("Dr Julien Marchetti", "secretariat@cm-bellecour.example"),
    to=SUPPORT,
    subject=encoded("Réclamation : rendez-vous en double et SMS envoyés à tort", "iso-8859-1", "Q"),
    date="Mon, 14 Dec 2026 18:05:12 +0100",
    charset="windows-1252", cte="quoted-printable",
    text="""Madame, Monsieur,

Depuis la mise à jour de jeudi dernier, nous constatons deux problèmes graves :

1. Certains rendez-vous apparaissent en double dans l'agenda du Dr Lefèvre (même patient, même
   heure), ce qui bloque des créneaux.
2. Des patients ont reçu un SMS de rappel pour un rendez-vous annulé depuis plusieurs semaines. Deux
   d'entre eux se sont présentés au cabinet pour rien et se sont plaints.

Pour un abonnement à 4 260,00 € HT par an (bon de commande 2026-CL-0087), nous attendons un service
fiable. Merci de corriger ces anomalies rapidement et de nous tenir informés.

Dr Julien Marchetti
Centre Médical Bellecour SELARL
"""), {"customer_email": "secretariat@cm-bellecour.example"})

write(C, "support_ticket", "st07_es_outlook_escalado", build(
    frm=address("Carlos Méndez", "cmendez@fisiosalud-madrid.example"),
    to=SOPORTE,
    cc=f"Laia Ferrer <laia.ferrer@{D}>; Jordi Puig <jordi.puig@{D}>",
    subject=encoded("RE: RE: [Ticket #48213] Caída del sistema de citas - TERCERA VEZ ESTE MES", "utf-8", "Q"),
    date="Wed, 16 Dec 2026 13:18:44 +0100",
    text="""Pablo,

Con todo el respeto: esta es la tercera caída este mes. Hoy de 9:10 a 11:45 no ha funcionado la
agenda en ninguna de nuestras 9 clínicas y los fisios han tenido que trabajar con papel.
Acabamos de contratar 20 licencias más (pedido FS-2026-077) y esto no es lo que esperábamos.

Quiero un informe de la incidencia por escrito y una propuesta de compensación antes del viernes.
Si vuelve a pasar, nos plantearemos seriamente cambiar de proveedor.

Carlos Méndez
Gerente - FisioSalud Madrid S.L.

-----Mensaje original-----
De: Soporte Reservia <soporte@lumen-software.example>
Enviado el: miércoles, 16 de diciembre de 2026 11:52
Para: Carlos Méndez <cmendez@fisiosalud-madrid.example>
Asunto: RE: [Ticket #48213] Caída del sistema de citas

Hola Carlos,
el servicio está restablecido desde las 11:45. El problema ha sido una saturación de la base de
datos tras un despliegue. Os enviaremos el análisis completo.
Disculpa las molestias.
Pablo Ortega - Soporte Reservia

-----Mensaje original-----
De: Carlos Méndez
Enviado el: miércoles, 16 de diciembre de 2026 9:24
Asunto: [Ticket #48213] Caída del sistema de citas
No carga la agenda en ninguna clínica. Error "Servicio no disponible". Urgente.
"""), {"customer_email": "cmendez@fisiosalud-madrid.example"})

write(C, "support_ticket", "st08_en_java_webhook_signature", build(
    frm="Lakeside IT Helpdesk <it-helpdesk@lakeside-hospitality.example>",
    to=SUPPORT,
    subject="Webhook signature validation failing since Dec 1 (Ticket LHG-INC-20931)",
    date="Thu, 03 Dec 2026 11:47:26 -0600",
    text="""Hello,

Our PMS bridge started rejecting all Reservia webhooks on Dec 1 around 00:00 UTC. Nothing changed on our
side. It looks like the signature header no longer matches the HMAC we compute with the shared secret.
Excerpt from our logs:

2026-12-03 17:21:04.332 ERROR 1 --- [nio-8080-exec-7] c.l.pms.bridge.WebhookController : Rejected webhook
com.lakeside.pms.bridge.security.InvalidSignatureException: X-Reservia-Signature mismatch (expected sha256=9f2c..., got sha256=4ab1...)
	at com.lakeside.pms.bridge.security.HmacVerifier.verify(HmacVerifier.java:58)
	at com.lakeside.pms.bridge.WebhookController.receive(WebhookController.java:41)
	at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
	at org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)
	... 48 common frames omitted

Did you rotate the webhook secret or change the payload canonicalisation (e.g. whitespace / key order)?
We have ~300 reservations across 5 properties that didn't sync. Our PO is 7700-3321.

Regards,
Tom Kowalski
Lakeside Hospitality Group - IT Helpdesk
"""), {"customer_email": "it-helpdesk@lakeside-hospitality.example"})

write(C, "support_ticket", "st09_es_movil_calendario", build(
    frm="Laura Gil <laura.gil@sonrisaplus.example>",
    to=SOPORTE,
    subject="calendario",
    date="Fri, 11 Dec 2026 10:12:07 +0100",
    text="""el calendario no carga desde esta mañana en la clínica de Chamberí, sale todo en blanco. en las otras sí. podéis mirarlo?

Laura - Sonrisa Plus Chamberí

Enviado desde mi iPhone
"""), {"customer_email": "laura.gil@sonrisaplus.example"})

write(C, "support_ticket", "st10_en_polite_reset_email", build(
    frm="Grace Holloway <frontdesk@seagull-inn-maine.example>",
    to=SUPPORT,
    subject="Password reset email not arriving",
    date="Tue, 15 Dec 2026 09:26:51 -0500",
    html="""<div dir="ltr"><div style="font-family:verdana,sans-serif">Good morning,<br><br>
I hope this is the right address. I'm the front desk manager at The Seagull Inn (part of Harbor Point Hotels).
I forgot my Reservia password and when I click "Forgot password?" it says an email has been sent, but
nothing arrives &ndash; I've waited over an hour and checked junk mail.<br><br>
My username is <b>grace.h</b>. Would you be able to reset it for me, or let me know what I might be doing wrong?<br><br>
Thank you so much for your help!<br><br>
Grace Holloway<br>Front Desk Manager<br>The Seagull Inn, Ogunquit, ME</div></div>
"""), {"customer_email": "frontdesk@seagull-inn-maine.example"})

# ---------------------------------------------------------------------------------------------------------
# approval
# ---------------------------------------------------------------------------------------------------------

write(C, "approval", "ap01_es_aprobado_gmail", build(
    frm=f"Jordi Puig <jordi.puig@{D}>",
    to=MAILROOM,
    subject=encoded("Re: Aprobación requerida: Presupuesto Q-2026-0517 para Grupo Hospitalario Levante, S.A. – 92.400,00 EUR [APR-2026-0311]", "utf-8", "Q"),
    date="Wed, 18 Nov 2026 09:47:21 +0100",
    in_reply_to=f"<approval.apr-2026-0311@{D}>",
    text="""Aprobado. Buen trabajo Laia, el precio está por debajo del máximo de licitación y deja margen.

Jordi

El mié, 18 nov 2026 a las 9:15, Lumen Mailroom (<mailroom@lumen-software.example>) escribió:
> Aprobación requerida
>
> Referencia: APR-2026-0311
> Operación: Presupuesto Q-2026-0517 para Grupo Hospitalario Levante, S.A. (expediente GHL-TI-2026-014)
> Importe: 92.400,00 EUR
> Solicitado por: Laia Ferrer
>
> Responda con "Aprobado" o "Rechazado".
"""), {"decision": "approve", "reference": "APR-2026-0311"})

write(C, "approval", "ap02_es_rechazado_motivo", build(
    frm=address("Núria Vidal", f"nuria.vidal@{D}", "iso-8859-1"),
    to=MAILROOM,
    subject=encoded("RE: Aprobación requerida: Factura PP-20419 PagerPulse, Inc. - 1.188,00 USD [APR-2026-0298]", "iso-8859-1", "Q"),
    date="Tue, 17 Nov 2026 12:30:55 +0100",
    in_reply_to=f"<approval.apr-2026-0298@{D}>",
    text="""Rechazado.

Esta factura ya la pagamos por transferencia el 12/11 (la tarjeta estaba caducada y la pasamos a mano).
Le escribo a PagerPulse para que la marquen como pagada.

Núria

-----Mensaje original-----
De: Lumen Mailroom <mailroom@lumen-software.example>
Enviado el: martes, 17 de noviembre de 2026 12:01
Para: Núria Vidal <nuria.vidal@lumen-software.example>
Asunto: Aprobación requerida: Factura PP-20419 PagerPulse, Inc. - 1.188,00 USD [APR-2026-0298]

Referencia: APR-2026-0298
Operación: Factura PP-20419 de PagerPulse, Inc.
Importe: 1.188,00 USD

Responda con "Aprobado" o "Rechazado".
"""), {"decision": "reject", "reference": "APR-2026-0298"})

write(C, "approval", "ap03_ca_aprovat_condicio", build(
    frm=f"Jordi Puig <jordi.puig@{D}>",
    to=MAILROOM,
    subject=encoded("Re: Aprobación requerida: Pedido PC-4512 Rede Vital Mais Clínicas Ltda. - 48.600,00 BRL [APR-2026-0305]", "utf-8", "Q"),
    date="Thu, 19 Nov 2026 08:12:40 +0100",
    in_reply_to=f"<approval.apr-2026-0305@{D}>",
    text="""D'acord, aprovat. Però abans de signar confirmeu amb en Marc que tenim gent per començar l'11 de gener,
i que el 30% inicial s'ingressi abans d'arrencar.

J.

Enviat des del meu mòbil
"""), {"decision": "approve", "reference": "APR-2026-0305"})

write(C, "approval", "ap04_en_rejected_cto", build(
    frm=f"Marc Soler <marc.soler@{D}>",
    to=MAILROOM,
    subject="RE: Approval needed: Renewal Kestrel Software Ltd - 7,188.00 EUR [APR-2026-0277]",
    date="Mon, 12 Oct 2026 18:04:09 +0200",
    in_reply_to=f"<approval.apr-2026-0277@{D}>",
    text="""Rejected - we only need 8 seats now (4 people moved to VS Code), please ask Kestrel for a new quote
and resubmit.

Marc

> Reference: APR-2026-0277
> Item: Renewal Kestrel IDE All Products, 12 seats, Kestrel Software Ltd
> Amount: 7,188.00 EUR
> Reply with Approved or Rejected.
"""), {"decision": "reject", "reference": "APR-2026-0277"})

# ---------------------------------------------------------------------------------------------------------
# auto_reply
# ---------------------------------------------------------------------------------------------------------

write(C, "auto_reply", "ar01_es_fuera_oficina", build(
    frm="Toni Bestard <direccion@hotelscalanova.example>",
    to=f"Laia Ferrer <laia.ferrer@{D}>",
    subject=encoded("Respuesta automática: Planificación arranque proyecto Cala Nova", "utf-8", "Q"),
    date="Mon, 14 Dec 2026 09:01:02 +0100",
    headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
    text="""Gracias por su mensaje. Estaré fuera de la oficina hasta el 8 de enero de 2027 con acceso limitado
al correo. Para asuntos urgentes contacte con administracion@hotelscalanova.example.

Felices fiestas,
Toni Bestard
"""))

write(C, "auto_reply", "ar02_en_ooo_no_header", build(
    frm="Derek Lindqvist <derek.lindqvist@harborpoint-hotels.example>",
    to=f"Marc Soler <marc.soler@{D}>",
    subject="Automatic reply: Sandbox credentials + API keys",
    date="Wed, 25 Nov 2026 11:03:44 -0500",
    text="""Thanks for your email. I'm out of the office for Thanksgiving through Monday, November 30, with no
access to email. For anything urgent regarding the Reservia integration, please contact Kevin O'Brien
(kobrien@harborpoint-hotels.example).

Derek
"""))

write(C, "auto_reply", "ar03_pt_br_ferias", build(
    frm=address("Rafael Nogueira", "rafael.nogueira@vitalmais-clinicas.example"),
    to=VENTAS,
    subject=encoded("Resposta automática: Proposta comercial Reservia – Rede Vital Mais", "utf-8", "B"),
    date="Mon, 21 Dec 2026 10:00:13 -0300",
    headers=[("Auto-Submitted", "auto-replied")],
    text="""Olá! Estou de férias de 21/12 a 04/01, sem acesso ao e-mail.
Assuntos urgentes de TI: ti@vitalmais-clinicas.example ou (11) 95555-0100.
Boas festas!
Rafael Nogueira
"""))

write(C, "auto_reply", "ar04_en_gmail_style_dsn_text", build(
    frm="Mail Delivery Subsystem <mailer-daemon@mx.mailhost-global.example>",
    to=f"Laia Ferrer <laia.ferrer@{D}>",
    subject="Delivery Status Notification (Failure)",
    date="Fri, 09 Oct 2026 13:22:19 -0700",
    headers=[("Auto-Submitted", "auto-replied"), ("X-Failed-Recipients", "megan.castillo@sunbeltdental.example")],
    text="""** Address not found **

Your message wasn't delivered to megan.castillo@sunbeltdental.example because the domain
sunbeltdental.example couldn't be found. Check for typos or unnecessary spaces and try again.

The response from the remote server was:
DNS Error: DNS type 'mx' lookup of sunbeltdental.example responded with code NXDOMAIN
Domain name not found: sunbeltdental.example

----- Original message -----
From: Laia Ferrer <laia.ferrer@lumen-software.example>
Subject: Reservia proposal - Sunbelt Dental Partners
Date: Fri, 9 Oct 2026 22:22:15 +0200
"""))

write(C, "auto_reply", "ar05_dsn_report_exchange", raw("""
From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@cm-bellecour.example>
To: soporte@lumen-software.example
Subject: =?utf-8?Q?Non_remis_:_RE:_R=C3=A9clamation_:_rendez-vous_en_double?=
Date: Tue, 15 Dec 2026 09:12:44 +0000
Message-ID: <b3d0f8a2-5c1e-4f7a-9e61-0d2c4a7b8e91@PR1P264MB1234.FRAP264.prod.outlook.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="DSN_b3d0f8a2_5c1e"

--DSN_b3d0f8a2_5c1e
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Votre message n'a pas pu être remis à drlefevre@cm-bellecour.example.

La boîte aux lettres du destinataire est pleine et ne peut pas accepter de messages pour le moment.
Réessayez d'envoyer le message ultérieurement ou contactez directement le destinataire.

Serveur de rapport : PR1P264MB1234.FRAP264.prod.outlook.example

--DSN_b3d0f8a2_5c1e
Content-Type: message/delivery-status

Reporting-MTA: dns;PR1P264MB1234.FRAP264.prod.outlook.example
Received-From-MTA: dns;mail.lumen-software.example
Arrival-Date: Tue, 15 Dec 2026 09:12:41 +0000

Final-Recipient: rfc822;drlefevre@cm-bellecour.example
Action: failed
Status: 5.2.2
Diagnostic-Code: smtp;554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException

--DSN_b3d0f8a2_5c1e
Content-Type: text/rfc822-headers

From: Soporte Reservia <soporte@lumen-software.example>
To: drlefevre@cm-bellecour.example
Subject: RE: =?utf-8?Q?R=C3=A9clamation_:_rendez-vous_en_double?=
Date: Tue, 15 Dec 2026 10:12:39 +0100

--DSN_b3d0f8a2_5c1e--
"""))

write(C, "auto_reply", "ar06_es_leido_outlook", build(
    frm="Toni Bestard <direccion@hotelscalanova.example>",
    to=f"Laia Ferrer <laia.ferrer@{D}>",
    subject=encoded("Leído: Presupuesto P-2026-097 rev. 2 - Hotels Cala Nova", "iso-8859-1", "Q"),
    date="Fri, 06 Nov 2026 17:45:10 +0100",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Su mensaje

    Para:    Toni Bestard
    Asunto:  Presupuesto P-2026-097 rev. 2 - Hotels Cala Nova
    Enviado: viernes, 6 de noviembre de 2026 16:58:02 (UTC+01:00) Bruselas, Copenhague, Madrid, París

fue leído el viernes, 6 de noviembre de 2026 17:45:06 (UTC+01:00) Bruselas, Copenhague, Madrid, París.
"""))

# ---------------------------------------------------------------------------------------------------------
# other
# ---------------------------------------------------------------------------------------------------------

write(C, "other", "o01_en_git_pr_notification", build(
    frm="Marc Soler <notifications@codehost.example>",
    to="lumen/reservia-api <reservia-api@noreply.codehost.example>",
    cc=f"Pablo Ortega <pablo.ortega@{D}>",
    subject="Re: [lumen/reservia-api] Fix slot_version_mismatch on concurrent provider blocks (PR #1842)",
    date="Fri, 11 Dec 2026 12:40:18 +0000",
    headers=[("List-ID", "lumen/reservia-api <reservia-api.lumen.codehost.example>"),
             ("List-Unsubscribe", "<https://codehost.example/notifications/unsubscribe/AB12CD34>"),
             ("X-CodeHost-Reason", "review_requested")],
    text="""@pablo-ortega this should fix the 409 loop the Vital Mais pilot is hitting (ticket #48390).

The retry now re-reads the slot version before re-sending the block instead of reusing the stale one:

```diff
-    block.version = cached.version
+    block.version = await repo.current_version(provider_id, slot_id)
```

Unit tests added in tests/sync/test_blocks.py. CI is green. Can you review before the 14:00 deploy window?

—
Reply to this email directly, view it on CodeHost, or unsubscribe.
You are receiving this because your review was requested.
"""))

write(C, "other", "o02_en_status_page_resolved", build(
    frm="NimbusCloud Status <status@nimbuscloud.example>",
    to=f"ops@{D}",
    subject="[Resolved] Elevated error rates for Compute API in eu-south-2",
    date="Tue, 03 Nov 2026 16:58:03 +0000",
    headers=[("List-Unsubscribe", "<https://status.nimbuscloud.example/unsubscribe/9f8e7d>")],
    html="""<html><body style="font-family:Arial;font-size:14px">
<h3 style="color:#2f9e44">Resolved</h3>
<p><b>Elevated error rates for Compute API in eu-south-2</b></p>
<p><b>16:52 UTC</b> &ndash; The issue has been resolved. Between 13:05 and 16:40 UTC some customers experienced
increased error rates (HTTP 500/503) and latency when launching or modifying instances in eu-south-2.
Running instances were not affected. A post-incident review will be published within 5 business days.</p>
<p><b>14:20 UTC</b> &ndash; We have identified the cause (a faulty configuration push) and are rolling it back.</p>
<p style="font-size:11px;color:#777">You are subscribed to incident updates for NimbusCloud eu-south-2.
<a href="https://status.nimbuscloud.example/unsubscribe/9f8e7d">Unsubscribe</a></p>
</body></html>
"""))

write(C, "other", "o03_en_uptime_monitor_down", build(
    frm="UptimeWatch <alerts@uptimewatch.example>",
    to=f"ops@{D}",
    subject="DOWN: Reservia API prod (api.reservia.example) - HTTP 502",
    date="Mon, 07 Dec 2026 13:41:12 +0000",
    headers=[("Auto-Submitted", "auto-generated")],
    text="""Monitor is DOWN: Reservia API prod

URL:        https://api.reservia.example/health
Reason:     HTTP 502 - Bad Gateway
Checked from: Frankfurt, Virginia, São Paulo
Started at: 2026-12-07 13:40:03 UTC
Monitor ID: 7741021

We'll notify you when it's back up.
Escalation policy "Lumen on-call" -> pablo.ortega (SMS sent)

-- UptimeWatch, automated alert
"""))

write(C, "other", "o04_en_payout_notification", build(
    frm="Paybridge <notifications@paybridge.example>",
    to=f"admin@{D}",
    subject=encoded("Your payout of €12,430.55 is on the way", "utf-8", "Q"),
    date="Wed, 02 Dec 2026 06:14:33 +0000",
    html="""<html><body style="font-family:Helvetica,Arial;background:#f6f9fc;padding:20px">
<table width="560" align="center" style="background:#fff;border-radius:6px;padding:24px;font-size:15px;color:#32325d">
<tr><td>
<p style="font-size:22px"><b>&euro;12,430.55</b></p>
<p>A payout to your bank account <b>ES&middot;&middot;&middot;&middot;5678</b> has been initiated and should arrive by <b>Dec 4, 2026</b>.</p>
<table width="100%" style="font-size:14px;color:#525f7f">
<tr><td>Payout ID</td><td align="right">po_1QzX82LmnTq5Wp</td></tr>
<tr><td>Charges (214)</td><td align="right">&euro;12,887.20</td></tr>
<tr><td>Refunds (3)</td><td align="right">-&euro;221.40</td></tr>
<tr><td>Fees</td><td align="right">-&euro;235.25</td></tr>
<tr><td><b>Total</b></td><td align="right"><b>&euro;12,430.55</b></td></tr>
</table>
<p style="font-size:12px;color:#8898aa">Lumen Software Services S.L. &middot; Reservia online payments. You're receiving this email because you're an administrator of this account.</p>
</td></tr></table></body></html>
"""))

write(C, "other", "o05_en_saas_newsletter_bf", build(
    frm="Designly <hello@designly-app.example>",
    to=f"marc.soler@{D}",
    subject=encoded("Black Friday: 40% off Designly Pro – this week only 🎉", "utf-8", "B"),
    date="Tue, 24 Nov 2026 14:00:00 +0000",
    html="""<!doctype html><html><body style="margin:0;background:#111">
<table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table width="600" style="background:#1d1d27;color:#fff;font-family:Inter,Arial,sans-serif">
<tr><td style="padding:40px 30px;text-align:center;font-size:34px;font-weight:800">BLACK FRIDAY<br><span style="color:#ff4d8d">40% OFF</span></td></tr>
<tr><td style="padding:0 30px;font-size:16px;line-height:24px;text-align:center">Design, prototype and hand off &ndash; together.
Upgrade your team to Pro for <b>$11.40/editor/month</b> <s>$19</s>, billed annually. Offer ends Monday 11:59 PM PT.</td></tr>
<tr><td style="padding:30px;text-align:center"><a href="https://designly-app.example/upgrade?promo=BF40" style="background:#ff4d8d;color:#fff;padding:14px 34px;border-radius:30px;text-decoration:none;font-weight:700">Upgrade now</a></td></tr>
<tr><td style="padding:20px;font-size:11px;color:#888;text-align:center">Designly Inc. &middot; 2261 Market St, San Francisco<br>
You get this because you signed up for Designly. <a href="https://designly-app.example/prefs" style="color:#888">Manage preferences</a></td></tr>
</table></td></tr></table></body></html>
"""))

write(C, "other", "o06_en_tracker_issue_assigned", build(
    frm="Tracker <tracker@lumen-software.atlas-tracker.example>",
    to=f"pablo.ortega@{D}",
    subject="[Tracker] (RSV-2211) Login OTP expires before user can enter it",
    date="Tue, 08 Dec 2026 09:30:27 +0000",
    headers=[("Auto-Submitted", "auto-generated")],
    html="""<html><body style="font-family:Arial;font-size:13px">
<p><b>Ana Ribas</b> assigned <a href="https://lumen.atlas-tracker.example/browse/RSV-2211">RSV-2211</a> to <b>Pablo Ortega</b></p>
<table cellpadding="4" style="font-size:13px">
<tr><td>Type</td><td>Bug</td></tr><tr><td>Priority</td><td>Highest</td></tr>
<tr><td>Component</td><td>auth-service</td></tr>
<tr><td>Affects</td><td>Hotels Cala Nova (ticket #48377)</td></tr>
</table>
<p>OTP TTL was set to 30s instead of 300s in config release 2026.12.1. All SMS-2FA users affected.
Fix: revert AUTH_OTP_TTL in prod config, add config test.</p>
<p style="color:#888;font-size:11px">This message was sent by Atlas Tracker. Manage notifications in your profile.</p>
</body></html>
"""))

write(C, "other", "o07_ca_dinar_nadal", build(
    frm=f"Ana Ribas <ana.ribas@{D}>",
    to=f"equip@{D}",
    subject=encoded("Dinar de Nadal 🎄 divendres 18", "utf-8", "B"),
    date="Wed, 09 Dec 2026 13:05:48 +0100",
    text="""Hola equip!

Ja tenim lloc per al dinar de Nadal: divendres 18 a les 14:00 a Can Recasens (Poblenou), menú de
35 € per persona (l'empresa convida, el Jordi ho ha confirmat 😄).

Digueu-me abans de dilluns si veniu i si teniu alguna al·lèrgia o sou vegans.
Després hi haurà amic invisible, màxim 15 €.

Ana
"""))

write(C, "other", "o08_es_colega_contrato", build(
    frm=address("Núria Vidal", f"nuria.vidal@{D}", "iso-8859-1"),
    to=f"Laia Ferrer <laia.ferrer@{D}>",
    subject=encoded("¿Dónde está el BAA firmado de Sunbelt?", "iso-8859-1", "Q"),
    date="Thu, 29 Oct 2026 16:22:10 +0100",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Laia, ¿dónde guardaste el BAA firmado con Sunbelt? En Drive > Clientes > Sunbelt solo veo el borrador
sin firmar y el auditor del seguro me lo pide para mañana.

Gracias!
Núria
"""))

write(C, "other", "o09_en_job_application", build(
    frm=address("Tomasz Wiśniewski", "tomasz.wisniewski.dev@mailbox-personal.example"),
    to=f"jobs@{D}",
    subject="Application - Senior Frontend Developer (React/TypeScript)",
    date="Sun, 22 Nov 2026 20:14:55 +0100",
    text="""Dear Lumen team,

I'm writing to apply for the Senior Frontend Developer position published on your careers page.
I have 7 years of experience with React and TypeScript, most recently building a booking and payments
flow for a travel marketplace in Kraków (Next.js, GraphQL, Playwright). I moved to Barcelona in
September and have a NIE and work permit.

Please find my CV attached. I'd be happy to do a technical interview or a take-home task.

Best regards,
Tomasz Wiśniewski
github.example/twisniewski
""",
    attachments=[("Tomasz_Wisniewski_CV.pdf", "application/pdf", pdf([
        "Tomasz Wisniewski - Senior Frontend Developer",
        "Barcelona - tomasz.wisniewski.dev@mailbox-personal.example",
        "",
        "2021-2026  Senior Frontend Engineer, TripNest (Krakow): booking & payments, Next.js",
        "2019-2021  Frontend Developer, Softwise (Wroclaw): React, Redux, Jest",
        "Skills: React, TypeScript, Next.js, GraphQL, Playwright, accessibility (WCAG)",
        "Languages: Polish (native), English (C1), Spanish (B1)",
    ], "CV Tomasz Wisniewski"))]))

write(C, "other", "o10_en_phishing_suspension", build(
    frm="NimbusCloud Billing <billing-support@nimbuscloud-verify.example>",
    to=FACTURAS,
    subject="Action Required: Your account will be suspended in 24 hours",
    date="Thu, 26 Nov 2026 03:12:09 +0000",
    html="""<html><body style="font-family:Arial;font-size:14px">
<p>Dear Customer,</p>
<p>We were unable to process payment for invoice <b>INV-2026-11-889120</b> (<b>$3,412.88</b>). To avoid
suspension of your workloads and permanent <b>data deletion</b>, please verify your billing information within 24 hours.</p>
<p><a href="http://nimbuscloud-verify.example/login?session=8812" style="background:#3b5bdb;color:#fff;padding:10px 20px;text-decoration:none">Verify payment details</a></p>
<p>Thank you,<br>NimbusCloud Billing Department</p>
</body></html>
"""))

write(C, "other", "o11_es_banco_transferencia", build(
    frm=address("Banco Levantino", "avisos@bancolevantino.example"),
    to=f"admin@{D}",
    subject="Aviso: ha recibido una transferencia",
    date="Fri, 04 Dec 2026 08:05:00 +0100",
    text="""Estimado cliente:

Le informamos de que se ha abonado en su cuenta ES98 **** **** **** 0236 la siguiente transferencia:

  Ordenante:   FISIOSALUD MADRID SL
  Concepto:    FRA 2026-0388 PEDIDO FS-2026-077
  Importe:     8.424,00 EUR
  Fecha valor: 04/12/2026

Puede consultar el detalle en la banca online.

Este es un mensaje automático, por favor no responda.
Banco Levantino nunca le solicitará sus claves por correo electrónico.
"""))

write(C, "other", "o12_pt_br_obrigado_recebido", build(
    frm=address("Rafael Nogueira", "rafael.nogueira@vitalmais-clinicas.example"),
    to=f"Laia Ferrer <laia.ferrer@{D}>",
    subject="Re: Proposta comercial Reservia - Rede Vital Mais",
    date="Fri, 06 Nov 2026 14:08:31 -0300",
    text="""Oi Laia, recebido, muito obrigado!

Vou apresentar para a diretoria na terça e te retorno até o fim da semana que vem.

Abs,
Rafael

Em sex., 6 de nov. de 2026 às 11:40, Laia Ferrer <laia.ferrer@lumen-software.example> escreveu:
> Olá Rafael,
> segue em anexo a nossa proposta comercial: licença anual Reservia Clinic R$ 1.650,00 por unidade
> e implantação/integração R$ 12.300,00. Validade: 30 dias.
> Um abraço,
> Laia
"""))

write(C, "other", "o13_es_confirmacion_pedido_proveedor", build(
    frm=address("TecnoMarket Empresas", "pedidos@tecnomarket-empresas.example"),
    to=f"admin@{D}",
    subject=encoded("Confirmación de tu pedido nº DL-7719023", "utf-8", "Q"),
    date="Tue, 17 Nov 2026 10:44:12 +0100",
    html="""<html><body style="font-family:Arial;font-size:14px;color:#222">
<h2 style="color:#e30613">¡Gracias por tu pedido!</h2>
<p>Hola Lumen Software Services S.L., hemos recibido tu pedido <b>DL-7719023</b> y ya lo estamos preparando.</p>
<table border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse;font-size:13px">
<tr style="background:#f2f2f2"><th>Artículo</th><th>Uds.</th><th>Precio</th><th>Total</th></tr>
<tr><td>Portátil ProBook 14" i7 32GB 1TB</td><td>3</td><td>1.249,00 €</td><td>3.747,00 €</td></tr>
<tr><td>Monitor 27" USB-C</td><td>3</td><td>289,00 €</td><td>867,00 €</td></tr>
<tr><td colspan="3" align="right">Base imponible</td><td>4.614,00 €</td></tr>
<tr><td colspan="3" align="right">IVA 21%</td><td>968,94 €</td></tr>
<tr><td colspan="3" align="right"><b>Total</b></td><td><b>5.582,94 €</b></td></tr>
</table>
<p>Entrega estimada: 19-20 de noviembre en Carrer de Pallars 193, Barcelona. Recibirás la factura con el envío.</p>
<p><a href="https://tecnomarket-empresas.example/mis-pedidos/DL-7719023">Seguir mi pedido</a></p>
</body></html>
"""))

write(C, "other", "o14_es_en_evento_healthtech", build(
    frm="Barcelona HealthTech Summit <events@bcn-healthtech.example>",
    to=f"jordi.puig@{D}",
    subject=encoded("Early bird: Barcelona HealthTech Summit 2027 – 10-11 febrero", "utf-8", "Q"),
    date="Thu, 15 Oct 2026 09:00:00 +0200",
    headers=[("List-Id", "<attendees.bcn-healthtech.example>"),
             ("List-Unsubscribe", "<mailto:unsubscribe@bcn-healthtech.example?subject=unsubscribe>")],
    html="""<html><body style="font-family:Arial;font-size:14px">
<p><b>Barcelona HealthTech Summit 2027</b> &ndash; 10 y 11 de febrero, Fira Gran Via</p>
<p>M&aacute;s de 3.000 asistentes, 120 startups y los principales grupos hospitalarios de Espa&ntilde;a.
Early bird hasta el 30 de noviembre: <b>295 &euro;</b> (precio normal 450 &euro;).</p>
<p><i>Become an exhibitor: startup booths from &euro;1,900 &ndash; only 20 left.</i></p>
<p><a href="https://bcn-healthtech.example/tickets">Compra tu entrada</a> | <a href="https://bcn-healthtech.example/exhibit">Exhibit</a></p>
</body></html>
"""))

write(C, "other", "o15_en_dependabot_alert", build(
    frm="CodeHost <noreply@codehost.example>",
    to=f"marc.soler@{D}",
    subject="[lumen/reservia-widget] Critical security alert: prototype pollution in deep-merge-utils",
    date="Wed, 25 Nov 2026 07:03:55 +0000",
    headers=[("List-ID", "lumen/reservia-widget <reservia-widget.lumen.codehost.example>")],
    text="""Security alert for lumen/reservia-widget

Package:        deep-merge-utils (npm)
Vulnerable:     < 4.2.3
Patched:        4.2.3
Severity:       Critical (CVSS 9.1) - CVE-2026-41877
Manifest:       package-lock.json

A pull request (#611) bumping deep-merge-utils from 4.1.0 to 4.2.3 has been opened automatically.

Review security alerts: https://codehost.example/lumen/reservia-widget/security
"""))

