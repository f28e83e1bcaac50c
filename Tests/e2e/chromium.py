"""What the browser tests share: a headless Chromium, the page's text, and a check that keeps a
screenshot and the page's text when it fails."""
import sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def browser(width, height, phone=False, flags=()):
    """Headless Chromium; a phone's viewport is emulated (a window is at least 500 px wide)."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={max(width, 500)},{height}", *flags):
        options.add_argument(flag)
    if phone:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(2)
    return driver


def text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def checker(name, shots):
    """A check(condition, what, driver=None) that fails the test `name`, saving a screenshot in `shots`."""
    def check(condition, what, driver=None):
        if not condition:
            if driver is not None:
                driver.save_screenshot(f"{shots}/{name}-failure.png")
                print(driver.current_url, text(driver), file=sys.stderr)
            raise SystemExit(f"{name}: {what}")
    return check
