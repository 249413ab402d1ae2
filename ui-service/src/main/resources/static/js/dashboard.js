/*
 * healthmon page script: the browser's time zone by default, the loading indicator,
 * auto-refresh, and a service's chart (Chart.js, served by this app). Sorting, filtering
 * and paging are links the server answers. The pages work without it, in UTC and
 * without the chart.
 */
(function () {
	'use strict';

	const form = document.getElementById('window-form');
	const loading = document.getElementById('loading');

	function showLoading() {
		loading.hidden = false;
		document.getElementById('main').setAttribute('aria-busy', 'true');
	}

	function hideLoading() {
		loading.hidden = true;
		document.getElementById('main').removeAttribute('aria-busy');
	}

	/**
	 * An address with these parameters set (or removed, when null or empty); '/' and ':'
	 * are left readable (Europe/Berlin, 10:00), as the server writes them.
	 */
	function withParams(href, params) {
		const url = new URL(href);
		const search = new URLSearchParams(url.search);
		Object.entries(params).forEach(([name, value]) => {
			if (value === null || value === '') {
				search.delete(name);
			} else {
				search.set(name, value);
			}
		});
		const query = Array.from(search.entries())
			.map(([name, value]) => encodeURIComponent(name) + '=' + encodeURIComponent(value))
			.join('&')
			.replace(/%2F/gi, '/')
			.replace(/%3A/gi, ':');
		return url.origin + url.pathname + (query ? '?' + query : '') + url.hash;
	}

	/** Sets or removes parameters of this page's address without a reload: it stays bookmarkable. */
	function replaceParams(params) {
		window.history.replaceState(null, '', withParams(window.location.href, params));
	}

	// --- the browser's zone, when the address names none ----------------------------------
	function useBrowserZone() {
		const url = new URL(window.location.href);
		if (url.searchParams.has('zone')) {
			return false;
		}
		const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		if (!zone || zone === document.getElementById('zone').value) {
			replaceParams({ zone: document.getElementById('zone').value });
			return false;
		}
		showLoading();
		window.location.replace(withParams(url.href, { zone: zone }));
		return true;
	}

	// --- the form -------------------------------------------------------------------------
	function wireForm() {
		form.addEventListener('submit', showLoading);
		window.addEventListener('pageshow', hideLoading);
		const zone = document.getElementById('zone');
		zone.addEventListener('change', () => {
			// a live window (a preset) stays live in the new zone, unless the pickers were edited
			const preset = form.dataset.preset;
			const from = document.getElementById('from');
			const to = document.getElementById('to');
			if (preset && from.value === from.defaultValue && to.value === to.defaultValue) {
				const last = document.createElement('input');
				last.type = 'hidden';
				last.name = 'last';
				last.value = preset;
				form.appendChild(last);
			}
			form.requestSubmit();
		});
	}

	// --- auto-refresh ---------------------------------------------------------------------
	let refreshTimer = null;

	function scheduleRefresh(seconds) {
		if (refreshTimer) {
			clearTimeout(refreshTimer);
			refreshTimer = null;
		}
		if (seconds > 0) {
			refreshTimer = setTimeout(reloadWhenVisible, seconds * 1000);
		}
	}

	function reloadWhenVisible() {
		if (document.hidden) {
			document.addEventListener('visibilitychange', reloadWhenVisible, { once: true });
			return;
		}
		showLoading();
		window.location.reload();
	}

	function wireRefresh() {
		const select = document.getElementById('refresh');
		select.addEventListener('change', () => {
			const seconds = parseInt(select.value, 10) || 0;
			replaceParams({ refresh: seconds > 0 ? String(seconds) : null });
			scheduleRefresh(seconds);
		});
		scheduleRefresh(parseInt(select.value, 10) || 0);
	}

	// --- charts ---------------------------------------------------------------------------
	const COLORS = { cpu: '#1d4ed8', ram: '#15803d', disk: '#c2410c' };
	const NAMES = { cpu: 'CPU', ram: 'RAM', disk: 'Disk' };
	const TICK_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880];

	function drawCharts() {
		const source = document.getElementById('chart-data');
		if (!source || typeof Chart === 'undefined') {
			return;
		}
		const data = JSON.parse(source.textContent);
		const span = data.to - data.from;
		const long = span > 36 * 3600 * 1000;
		const tickFormat = new Intl.DateTimeFormat('en-GB', long
			? { timeZone: data.zone, day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
			: { timeZone: data.zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
		const fullFormat = new Intl.DateTimeFormat('en-GB', {
			timeZone: data.zone, year: 'numeric', month: '2-digit', day: '2-digit',
			hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
		});
		const tickStep = (TICK_MINUTES.find((m) => span / (m * 60000) <= 8) || 2880) * 60000;
		const ticks = roundTicks(data, tickStep);
		document.querySelectorAll('canvas[data-service]').forEach((canvas) => {
			const service = data.services.find((s) => s.service === canvas.dataset.service);
			if (service) {
				new Chart(canvas, chartConfig(service, data, ticks, tickFormat, fullFormat));
			}
		});
	}

	/** Ticks at round times of the chosen zone (10:00, 10:15 … or midnights), not of UTC. */
	function roundTicks(data, step) {
		const parts = new Intl.DateTimeFormat('en-US', {
			timeZone: data.zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
			hour: 'numeric', minute: 'numeric', second: 'numeric'
		});
		const offset = (t) => {
			const p = Object.fromEntries(parts.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
			const local = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
			return local - Math.floor(t / 1000) * 1000;
		};
		const ticks = [];
		const first = Math.ceil((data.from + offset(data.from)) / step) * step;
		for (let local = first; ticks.length < 100; local += step) {
			// the offset at the tick itself: a DST change inside the window moves the ticks with it
			const t = local - offset(local - offset(data.from));
			if (t > data.to) {
				break;
			}
			ticks.push({ value: t });
		}
		return ticks;
	}

	function chartConfig(service, data, ticks, tickFormat, fullFormat) {
		const datasets = [];
		['cpu', 'ram', 'disk'].forEach((resource) => {
			const line = service[resource];
			datasets.push({
				label: NAMES[resource] + ' %',
				data: line.means,
				borderColor: COLORS[resource],
				backgroundColor: COLORS[resource],
				borderWidth: 2,
				pointRadius: line.means.length > 60 ? 0 : 2,
				spanGaps: false,
				tension: 0
			});
		});
		['cpu', 'ram', 'disk'].forEach((resource) => {
			const peak = service[resource].peak;
			if (peak) {
				datasets.push({
					label: NAMES[resource] + ' peak',
					data: [peak],
					showLine: false,
					pointStyle: 'triangle',
					pointRadius: 8,
					pointHoverRadius: 10,
					borderColor: '#111827',
					borderWidth: 1,
					backgroundColor: COLORS[resource]
				});
			}
		});
		return {
			type: 'line',
			data: { datasets: datasets },
			options: {
				animation: false,
				responsive: true,
				maintainAspectRatio: false,
				interaction: { mode: 'nearest', intersect: false },
				scales: {
					x: {
						type: 'linear', min: data.from, max: data.to,
						afterBuildTicks: (scale) => { scale.ticks = ticks.map((t) => ({ value: t.value })); },
						ticks: { maxRotation: 0, autoSkip: true, callback: (v) => tickFormat.format(v) }
					},
					y: { min: 0, max: 100, title: { display: true, text: '%' } }
				},
				plugins: {
					legend: { position: 'bottom', labels: { boxWidth: 12, usePointStyle: true } },
					tooltip: {
						callbacks: {
							title: (items) => items.length ? fullFormat.format(items[0].parsed.x) : '',
							label: (item) => item.dataset.label + ': ' + item.parsed.y.toFixed(2) + ' %'
						}
					}
				}
			}
		};
	}

	if (useBrowserZone()) {
		return;
	}
	wireForm();
	wireRefresh();
	drawCharts();
})();
