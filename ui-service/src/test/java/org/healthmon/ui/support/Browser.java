package org.healthmon.ui.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's {@code chromium}, headless, driven by Debian's {@code chromium-driver} (paths
 * from the system properties {@code healthmon.it.chromium} and
 * {@code healthmon.it.chromedriver}; Selenium Manager downloads nothing). Its time zone
 * is {@link #ZONE}, so that "the browser's zone" is a known one.
 */
public final class Browser implements AutoCloseable {

	/** The browser's own time zone. */
	public static final String ZONE = "Europe/Berlin";

	private static final String LANGUAGE = "en-US";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ChromeDriver driver;

	private final Path screenshots;

	public Browser() throws IOException {
		Path chromium = executable("healthmon.it.chromium", "/usr/bin/chromium");
		Path chromedriver = executable("healthmon.it.chromedriver", "/usr/bin/chromedriver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1366,1000", "--force-device-scale-factor=1", "--hide-scrollbars");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", LANGUAGE));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			// on Linux, chromium takes its locale (how the pickers order their parts)
			// from
			// LANGUAGE, not --lang; navigator.language follows the accepted languages
			.withEnvironment(Map.of("TZ", ZONE, "LANGUAGE", LANGUAGE.replace('-', '_'), "LANG",
					LANGUAGE.replace('-', '_') + ".UTF-8"))
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		this.screenshots = Path.of(System.getProperty("healthmon.it.screenshots", "target/screenshots"));
		Files.createDirectories(this.screenshots);
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** Opens a URL and waits for the page and its script to have run. */
	public void open(String url) {
		this.driver.get(url);
		waitForPage();
	}

	/** Clicks something that loads another page, and waits for that page. */
	public void clickAndWaitForPage(WebElement element) {
		loadingAnotherPage(element::click);
	}

	/** Presses a key on something that loads another page, and waits for that page. */
	public void pressAndWaitForPage(WebElement element, CharSequence key) {
		loadingAnotherPage(() -> element.sendKeys(key));
	}

	/**
	 * Marks the current document, runs an action that navigates, and waits until a
	 * document without the mark has loaded. A mark in the page's script state, not a
	 * stale element reference, tells the pages apart: while a page is being replaced,
	 * chromium answers questions about the old page's elements with errors Selenium does
	 * not map to "stale" ("Node with given id does not belong to the document"), so every
	 * driver error during the wait means "not yet".
	 */
	private void loadingAnotherPage(Runnable action) {
		js("window.healthmonOldPage = true");
		action.run();
		new WebDriverWait(this.driver, WAIT).ignoring(WebDriverException.class)
			.until((d) -> js("return window.healthmonOldPage === true ? 'old' : document.readyState")
				.equals("complete"));
	}

	/**
	 * Waits until the page has loaded and, where it has a form, shows no loading
	 * indicator.
	 */
	public void waitForPage() {
		new WebDriverWait(this.driver, WAIT).until((d) -> "complete".equals(js("return document.readyState")));
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	public String text(String css) {
		return find(css).getText();
	}

	public Object js(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * Types a date and time into an {@code <input type="datetime-local">} the way a
	 * person does with the keyboard, in the order the browser's locale shows the parts
	 * (day, month and year in some order, then the time, with AM/PM where the locale uses
	 * it). A two-digit part moves on by itself; after the year, the right arrow key does.
	 */
	public void typeDateTime(WebElement picker, LocalDateTime time) {
		@SuppressWarnings("unchecked")
		Map<String, Object> locale = (Map<String, Object>) js("""
				const parts = new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit',
				  day: '2-digit', hour: 'numeric', minute: '2-digit' }).formatToParts(new Date(2026, 10, 22, 15, 50));
				return { order: parts.map((p) => p.type).filter((t) => ['day', 'month', 'year'].includes(t)),
				  twelveHours: parts.some((p) => p.type === 'dayPeriod') };""");
		// focus lands on the first part (a click would land on the part under it)
		js("arguments[0].focus()", picker);
		for (Object part : (List<?>) locale.get("order")) {
			switch ((String) part) {
				case "day" -> picker.sendKeys(String.format("%02d", time.getDayOfMonth()));
				case "month" -> picker.sendKeys(String.format("%02d", time.getMonthValue()));
				default -> picker.sendKeys(String.format("%04d", time.getYear()), Keys.ARROW_RIGHT);
			}
		}
		if (Boolean.TRUE.equals(locale.get("twelveHours"))) {
			int hour = time.getHour() % 12;
			picker.sendKeys(String.format("%02d%02d", (hour == 0) ? 12 : hour, time.getMinute()),
					(time.getHour() < 12) ? "A" : "P");
		}
		else {
			picker.sendKeys(String.format("%02d%02d", time.getHour(), time.getMinute()));
		}
	}

	/**
	 * What an axe-like look at the page finds wrong, in words; none is an empty list. The
	 * page names its language and has one {@code h1}; its headings skip no level; every
	 * control, link and button has a name; ids are unique; every table has a caption and
	 * every header cell a scope; every badge ({@code .badge}, {@code .alert-badge},
	 * {@code .sev}) says what it means in text, not colour alone, with a contrast of at
	 * least 4.5:1 (WCAG AA) against its background.
	 */
	@SuppressWarnings("unchecked")
	public List<String> accessibilityProblems() {
		return (List<String>) js(
				"""
						const problems = [];
						const snippet = (e) => e.outerHTML.slice(0, 100);
						if (!document.documentElement.lang) { problems.push('the page names no language'); }
						const h1 = document.querySelectorAll('h1').length;
						if (h1 !== 1) { problems.push(h1 + ' h1 headings'); }
						let level = 0;
						document.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((h) => {
						  const at = Number(h.tagName.substring(1));
						  if (at > level + 1) { problems.push('heading skips a level: ' + snippet(h)); }
						  level = at;
						});
						const name = (e) => (e.getAttribute('aria-label') || e.textContent || e.getAttribute('title') || '').trim();
						document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach((e) => {
						  if (e.labels.length === 0 && !e.getAttribute('aria-label')) { problems.push('no label: ' + snippet(e)); }
						});
						document.querySelectorAll('a[href], button').forEach((e) => {
						  if (!name(e)) { problems.push('no name: ' + snippet(e)); }
						});
						const ids = new Set();
						document.querySelectorAll('[id]').forEach((e) => {
						  if (ids.has(e.id)) { problems.push('duplicate id: ' + e.id); }
						  ids.add(e.id);
						});
						document.querySelectorAll('table').forEach((t) => {
						  if (!t.caption || !t.caption.textContent.trim()) { problems.push('table without caption: ' + t.id); }
						});
						document.querySelectorAll('th').forEach((th) => {
						  if (!th.getAttribute('scope')) { problems.push('header cell without scope: ' + snippet(th)); }
						});
						const luminance = (color) => {
						  const [r, g, b] = color.match(/[0-9.]+/g).slice(0, 3).map((v) => {
						    const c = Number(v) / 255;
						    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
						  });
						  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
						};
						document.querySelectorAll('.badge, .alert-badge, .sev').forEach((badge) => {
						  if (!badge.textContent.trim()) { problems.push('badge without text: ' + snippet(badge)); }
						  const style = getComputedStyle(badge);
						  const fg = luminance(style.color);
						  const bg = luminance(style.backgroundColor);
						  const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
						  if (ratio < 4.5) { problems.push('badge contrast ' + ratio.toFixed(2) + ':1: ' + snippet(badge)); }
						});
						return problems;""");
	}

	/**
	 * The page's chart (the first canvas with a {@code data-service}) as drawn: its
	 * service, how many datasets and points it has, where its CPU peak marker stands, and
	 * the share of the canvas painted on.
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> chart() {
		return (Map<String, Object>) js("""
				const canvas = document.querySelector('canvas[data-service]');
				const chart = Chart.getChart(canvas);
				const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
				let painted = 0;
				for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }
				const peak = chart.data.datasets.find((d) => d.label === 'CPU peak').data[0];
				return { service: canvas.dataset.service, datasets: chart.data.datasets.length,
				  points: chart.data.datasets[0].data.filter((p) => p.y !== null).length,
				  peakX: peak.x, peakY: peak.y, painted: painted / (canvas.width * canvas.height) };""");
	}

	/** A screenshot of the whole page (beyond the viewport) as {@code <name>.png}. */
	public Path screenshot(String name) throws IOException {
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true));
		Path file = this.screenshots.resolve(name + ".png");
		Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		return file;
	}

	public void size(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	private static Path executable(String property, String fallback) {
		Path path = Path.of(System.getProperty(property, fallback));
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException(path + " is missing: the browser tests need Debian's chromium and "
					+ "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
		}
		return path;
	}

}
