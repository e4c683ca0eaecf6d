"""Members see and manage their subscription from their profile."""

from ..utils import text


def test_profile_offers_to_subscribe_with_the_account_address(client, member, home):
    client.force_login(member)

    html = text(client.get("/compte/"))

    assert "Vous n'êtes pas abonné à La Lettre" in html
    email = member.email.replace("@", "%40")
    assert f'href="/lettre/?email={email}">M\'abonner à La Lettre</a>' in html


def test_profile_links_a_subscribed_member_to_their_subscription(
    client, member, home, make_subscriber
):
    make_subscriber(member.email.upper(), frequency="monthly")
    client.force_login(member)

    html = text(client.get("/compte/"))

    assert f"Votre adresse {member.email} est abonnée" in html
    assert "(une fois par mois)" in html
    token = html.split('href="/lettre/abonnement/')[1].split('"')[0]
    manage = text(client.get("/lettre/abonnement/" + token))
    assert f"Abonnement de <strong>{member.email}</strong>" in manage
