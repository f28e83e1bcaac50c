#!/usr/bin/env python3
"""The assembly evening in headless Chromium; run by scripts/e2e-browser (which sets up the data).
Usage: browser_test.py BASE_URL VOTING_CODE SCREENSHOT_DIR"""
import sys
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait
from chromium import browser, checker, text

base, code, shots = sys.argv[1], sys.argv[2], sys.argv[3]
# axe-core (from PyPI's axe-playwright-python), set by scripts/e2e-browser; without it, no audit.
axe_source = open(sys.argv[4], encoding="utf-8").read() if len(sys.argv) > 4 else None
audited = []


check = checker("browser_test", shots)


def accessible(driver, what):
    """Runs axe-core on the page (WCAG 2.1 A and AA rules) and fails on a serious or critical violation."""
    if axe_source is None:
        return
    driver.execute_script(axe_source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html)}))))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    check(not bad, f"accessibility of {what}: " + "; ".join(f"{v['id']} ({v['impact']}): {v['help']} {v['nodes']}" for v in bad), driver)
    audited.append(what)


narrow = []


def fits_phone(driver, what, shot=None):
    """At 360 px wide (a cheap phone), the page has no horizontal scroll bar: nothing is wider
    than the screen. Keeps a screenshot in SCREENSHOT_DIR/phone/ when `shot` names it."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    try:
        driver.refresh()
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        if shot:
            import os
            os.makedirs(f"{shots}/phone", exist_ok=True)
            driver.save_screenshot(f"{shots}/phone/{shot}.png")
        if wide > 360:
            culprits = driver.execute_script(
                "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361)"
                ".slice(0, 3).map(e => e.outerHTML.slice(0, 120))")
            narrow.append(f"{what}: {wide} px wide ({culprits})")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def sign_in(driver, name, password):
    driver.get(base + "/inloggen")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    press(driver, "Inloggen")


def left(page):
    """Whether the browser has left the page this element belongs to (Chromium answers with a
    stale reference or, while navigating, an inspector error)."""
    try:
        page.is_enabled()
        return False
    except WebDriverException:
        return True


def press(driver, label_start, within=None):
    """Clicks the first button (in `within`, else the page) whose Dutch label starts with
    label_start, and waits for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    for button in (within or driver).find_elements(By.CSS_SELECTOR, "button"):
        if button.text.startswith(label_start):
            button.click()
            WebDriverWait(driver, 10).until(lambda _: left(page))
            WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
            return
    check(False, f"no button '{label_start}' on {driver.current_url}", driver)


board, desk, phone = browser(1200, 900), browser(1000, 800), browser(320, 640, phone=True)
try:
    # The board opens the assembly, records the district's advice on the budget, opens four ballots.
    board.get(base + "/inloggen")
    accessible(board, "the sign-in page")
    sign_in(board, "bestuur", "bestuur-e2e-wachtwoord")
    check("Bestuur" in text(board), "board sign-in", board)
    accessible(board, "the board's overview")
    press(board, "Openen")
    check("Geopend" in text(board), "assembly opened", board)
    board.get(base + "/bestuur/vergaderingen/1")
    accessible(board, "the agenda")
    card = board.find_element(By.ID, "proposal-2")
    card.find_element(By.NAME, "text").send_keys("Positief advies van het stadsdeel.")
    press(board, "Vastleggen", card)
    check("Vastgelegd" in text(board), "advice recorded", board)
    options = {
        "proposal-1": None,
        "proposal-2": "speeltuin:Speeltuin opknappen:15000\nbankjes:Bankjes:4000\nmoestuin:Moestuin:9000",
        "proposal-3": "groen:Meer groen\nveilig:Veiligheid\njong:Plek voor jongeren",
        "proposal-4": "lucas:Het Lucashuis\nwildeman:De Wildeman\nontmoet:Buurthuis Ontmoeting",
    }
    for proposal, lines in options.items():
        card = board.find_element(By.ID, proposal)
        if lines:
            card.find_element(By.NAME, "options").send_keys(lines)
        press(board, "Stemming openen", card)
        check("is open" in text(board), f"ballot of {proposal} opened", board)

    # The desk finds member 5 by postcode and house number and checks them in.
    sign_in(desk, "balie", "balie-e2e-wachtwoord")
    desk.get(base + "/balie/1")
    desk.find_element(By.ID, "postcode").send_keys("1067 pb")
    desk.find_element(By.ID, "huisnummer").send_keys("5")
    press(desk, "Zoeken")
    check("Bewoner 5" in text(desk) and "Bewoner 6" not in text(desk), "member found by address", desk)
    press(desk, "Aanwezig melden")
    check("Aangemeld" in text(desk) and "1 aanwezig" in text(desk), "checked in, attendance shown", desk)
    accessible(desk, "the desk")

    # The member votes on a phone: code, then every ballot.
    phone.get(base + "/")
    accessible(phone, "the code page")
    # A typo first: the code stays in the field, marked, to be corrected rather than typed again.
    typo = code[:-1] + ("B" if code[-1] != "B" else "C")
    phone.find_element(By.ID, "code").send_keys(typo)
    press(phone, "Verder")
    field = phone.find_element(By.ID, "code")
    check(field.get_attribute("value") == typo and field.get_attribute("aria-invalid") == "true", "the code kept and marked after a typo", phone)
    accessible(phone, "the code page after a typo")
    field.clear()
    field.send_keys(code.lower().replace("-", " "))
    press(phone, "Verder")
    check("Open stemmingen" in text(phone), "code accepted", phone)
    widths = phone.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    check(widths[1] <= 340, f"a phone-sized window (it is {widths[1]} px wide)", phone)
    check(widths[0] <= widths[1], f"no sideways scrolling on a phone (page {widths[0]} px, window {widths[1]} px)", phone)
    phone.save_screenshot(f"{shots}/ballots.png")
    accessible(phone, "the open ballots")
    receipts = {}
    links = [a.get_attribute("href") for a in phone.find_elements(By.CSS_SELECTOR, "a[href*='/stemmen/']")]
    check(len(links) == 4, "four open ballots listed", phone)
    for link in links:
        ballot = link.rstrip("/").split("/")[-1]
        phone.get(link)
        accessible(phone, f"the form of ballot {ballot}")
        radios = phone.find_elements(By.CSS_SELECTOR, "input[type=radio]")
        boxes = phone.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
        selects = phone.find_elements(By.TAG_NAME, "select")
        if radios:
            radios[0].click()
        elif boxes:
            boxes[0].click()
            boxes[1].click()
            if phone.find_elements(By.ID, "total"):
                # The running total without JavaScript: the ticks come back with their sum.
                press(phone, "Totaal bijwerken")
                check("€ 19.000" in phone.find_element(By.ID, "total").text, "the running total of the budget ballot", phone)
                check(len([b for b in phone.find_elements(By.CSS_SELECTOR, "input[type=checkbox]") if b.is_selected()]) == 2, "ticks kept", phone)
        else:
            check(len(selects) == 3, "a ranking form", phone)
            # One place given twice: the ranks come back as chosen, the two options marked.
            Select(selects[0]).select_by_value("1")
            Select(selects[1]).select_by_value("1")
            press(phone, "Volgende")
            selects = phone.find_elements(By.TAG_NAME, "select")
            check([Select(x).first_selected_option.get_attribute("value") for x in selects[:2]] == ["1", "1"]
                  and all(x.get_attribute("aria-invalid") == "true" for x in selects[:2]), "the ranks kept and marked after a place given twice", phone)
            accessible(phone, "a ranking after an error")
            Select(selects[0]).select_by_value("2")
            Select(selects[1]).select_by_value("1")
        # The proposal's text is on the ballot before the choice, and the check names what is voted on.
        title = phone.find_element(By.TAG_NAME, "h1").text
        if "Bankjes" in title:
            check("Zes bankjes" in text(phone), f"the proposal's text on ballot {ballot}", phone)
        press(phone, "Volgende")
        check(title.split("\n")[0] in text(phone), f"the check of ballot {ballot} names what is voted on", phone)
        check("Klopt dit?" in text(phone), f"confirmation of ballot {ballot}", phone)
        accessible(phone, f"the check of ballot {ballot}")
        press(phone, "Ja, stem uitbrengen")
        receipt = phone.find_element(By.CLASS_NAME, "receipt").text.strip()
        check(len(receipt) == 10, f"a receipt for ballot {ballot}", phone)
        # The voter sees the stored choice, privately, and can sign out from every page.
        check(phone.find_elements(By.ID, "recorded") and phone.find_elements(By.ID, "signout"), f"recorded choice and sign-out on the receipt of ballot {ballot}", phone)
        phone.save_screenshot(f"{shots}/receipt-{ballot}.png")
        accessible(phone, f"the receipt of ballot {ballot}")
        receipts[ballot] = receipt
    # For the script's check that no receipt reaches the server's log.
    with open(f"{shots}/receipts.txt", "w") as f:
        f.write("\n".join(receipts.values()) + "\n")
    phone.get(base + "/stemmen")
    check(text(phone).count("U hebt gestemd") == 4, "all four ballots show as voted", phone)

    # The board closes the ballots; each close shows the audit head.
    board.get(base + "/bestuur/vergaderingen/1")
    for n in range(4):
        press(board, "Stemming sluiten")
        # A close cannot be undone: first a page that says so, with the count so far.
        check("kan niet ongedaan worden gemaakt" in text(board) and "Uitgebracht:" in text(board), "a confirmation before the close", board)
        if n == 0:
            accessible(board, "the confirmation before a close")
        press(board, "Ja, sluiten en tellen")
        check("Auditlog bij sluiting" in text(board), "audit head shown at close", board)

    # The projector shows the results with bar charts; the receipts are on the public boards.
    phone.get(base + "/projector/1")
    check(len(phone.find_elements(By.CSS_SELECTOR, "section svg")) >= 3 and "Auditlog" in text(phone), "projector results", phone)
    accessible(phone, "the projector")
    for page, what in (("/bestuur/naleving", "the compliance page"), ("/bestuur/accounts", "the accounts page"), ("/bestuur/leden", "the members page"), ("/bestuur/bestuursleden", "the board members page"), ("/bestuur/notulen/1", "the minutes")):
        board.get(base + page)
        accessible(board, what)
    for ballot, receipt in receipts.items():
        phone.get(f"{base}/ballots/{ballot}/board")
        check(receipt in text(phone), f"receipt of ballot {ballot} on the public board", phone)
    accessible(phone, "a public board")
    # Every board, desk and public page fits a 360 px phone.
    for page, what in (("/bestuur", "board"), ("/bestuur/accounts", "accounts"), ("/bestuur/audit", "audit"),
                       ("/bestuur/vergaderingen/1", "agenda"), ("/bestuur/naleving", "compliance"), ("/bestuur/leden", "members"),
                       ("/bestuur/bestuursleden", "board-members"), ("/bestuur/notulen/1", "minutes"), ("/balie/1", "desk"),
                       ("/projector/1", "projector"), ("/ballots/1/board", "public-board")):
        board.get(base + page)
        fits_phone(board, page, what)
    for page, what in (("/", "code"), ("/stemmen", "ballots")):
        phone.get(base + page)
        fits_phone(phone, page, what)
    check(not narrow, "pages wider than a 360 px phone: " + "; ".join(narrow))
    # The projector as the hall sees it, on a 1920×1080 screen.
    board.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
    board.get(base + "/projector/1")
    board.save_screenshot(f"{shots}/projector-1920x1080.png")
    board.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    print(f"browser_test: voted on {len(receipts)} ballots; receipts {', '.join(receipts.values())} are on the public boards")
    if axe_source is not None:
        print(f"browser_test: axe-core found no serious or critical violation on {len(audited)} pages")
finally:
    for driver in (board, desk, phone):
        driver.quit()
