#!/usr/bin/env python3
"""Voting through Caddy over HTTPS in headless Chromium; run by scripts/e2e-https.
The site has a name that is not `localhost` (mapped to 127.0.0.1 by a resolver rule), so only real
HTTPS with a certificate the browser trusts makes it a secure origin: the `__Host-` cookies of the
desk and of the voter are kept only then.
Usage: https_test.py BASE_URL HOST VOTING_CODE SCREENSHOT_DIR"""
import sys
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from chromium import browser, checker, text

base, host, code, shots = sys.argv[1:5]


check = checker("https_test", shots)
resolver = (f"--host-resolver-rules=MAP {host} 127.0.0.1",)


def press(driver, label_start):
    for button in driver.find_elements(By.CSS_SELECTOR, "button"):
        if button.text.startswith(label_start):
            old = driver.find_element(By.TAG_NAME, "html")
            button.click()
            WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)
            return
    check(False, f"no button '{label_start}' on {driver.current_url}", driver)


desk, phone = browser(900, 900, flags=resolver), browser(360, 740, phone=True, flags=resolver)
try:
    # The certificate is trusted (Caddy's local CA in the browser's store): no interstitial page.
    desk.get(base + "/inloggen")
    check(desk.current_url.startswith("https://"), "served over HTTPS", desk)
    check("Inloggen" in text(desk), "the sign-in page, without a certificate warning", desk)
    desk.find_element(By.ID, "name").send_keys("balie")
    desk.find_element(By.ID, "password").send_keys("balie-https-wachtwoord")
    press(desk, "Inloggen")
    cookies = {c["name"]: c for c in desk.get_cookies()}
    staff = cookies.get("__Host-staff")
    check(staff is not None and staff["secure"] and staff["httpOnly"], f"the desk's __Host- cookie is kept, Secure and HttpOnly ({cookies})", desk)
    desk.get(base + "/balie/1")
    desk.find_element(By.ID, "postcode").send_keys("1067 PB")
    desk.find_element(By.ID, "huisnummer").send_keys("5")
    press(desk, "Zoeken")
    press(desk, "Aanwezig melden")
    check("Aangemeld" in text(desk), "checked in through the proxy", desk)

    phone.get(base + "/")
    phone.find_element(By.ID, "code").send_keys(code)
    press(phone, "Verder")
    check("Open stemmingen" in text(phone), "the code is accepted and the session cookie kept", phone)
    voter = [c for c in phone.get_cookies() if c["name"].startswith("__Host-")]
    check(voter and all(c["secure"] for c in voter), f"the voter's cookie is a Secure __Host- cookie ({voter})", phone)
    phone.get(phone.find_element(By.CSS_SELECTOR, "a[href*='/stemmen/']").get_attribute("href"))
    phone.find_elements(By.CSS_SELECTOR, "input[type=radio]")[0].click()
    press(phone, "Volgende")
    press(phone, "Ja, stem uitbrengen")
    receipt = phone.find_element(By.CLASS_NAME, "receipt").text.strip()
    check(len(receipt) == 10, "a receipt", phone)

    # The projector's QR code points at the address the phones used: https and the public name.
    desk.get(base + "/projector/1")
    check(f"https://{host}" in desk.page_source, "the projector's link is the HTTPS address", desk)
    print(receipt)
finally:
    desk.quit()
    phone.quit()
