'use strict';

// The Sandbox Playground page: every action is one call of the REST API under /api/sandboxes.
// Output of commands arrives as server-sent events read from a fetch() body, so that a POST
// can carry the code; everything a sandbox prints is inserted as text, never as markup.

const EXAMPLES = {
	python: 'import time\n\nfor i in range(1, 6):\n    print(f"line {i}", flush=True)\n    time.sleep(0.5)\n',
	shell: 'for i in 1 2 3 4 5; do\n  echo "line $i"\n  sleep 0.5\ndone\n',
	node: 'let i = 0;\nconst timer = setInterval(() => {\n  console.log(`line ${++i}`);\n  if (i === 5) clearInterval(timer);\n}, 500);\n',
};

const LIST_REFRESH_MILLIS = 10000;

const state = {
	sandboxes: [],
	selection: 0,
	listedAt: 0,
	selectedId: null,
	directory: '/workspace',
	openFile: null,
	running: null,
	logs: null,
};

const $ = (id) => document.getElementById(id);

// ---- HTTP ------------------------------------------------------------------------------

class ApiError extends Error {
	constructor(status, message) {
		super(message);
		this.status = status;
	}
}

async function failure(response) {
	let message = `${response.status} ${response.statusText}`;
	try {
		const problem = await response.json();
		message = problem.detail || problem.title || message;
	}
	catch (ignored) {
		// not a problem document: keep the status line
	}
	return new ApiError(response.status, message);
}

async function api(method, path, body, contentType) {
	const init = { method, headers: { Accept: 'application/json, application/problem+json, text/plain;q=0.9' } };
	if (body !== undefined) {
		if (contentType) {
			init.headers['Content-Type'] = contentType;
			init.body = body;
		}
		else if (body instanceof FormData) {
			init.body = body;
		}
		else {
			init.headers['Content-Type'] = 'application/json';
			init.body = JSON.stringify(body);
		}
	}
	const response = await fetch(path, init);
	if (!response.ok) {
		throw await failure(response);
	}
	if (response.status === 204) {
		return null;
	}
	const type = response.headers.get('Content-Type') || '';
	return type.includes('json') ? response.json() : response.text();
}

// Reads a text/event-stream response, calling onEvent(type, data) for each event.
async function stream(method, path, body, onEvent, signal) {
	const init = { method, signal, headers: { Accept: 'text/event-stream, application/problem+json' } };
	if (body !== undefined) {
		init.headers['Content-Type'] = 'application/json';
		init.body = JSON.stringify(body);
	}
	const response = await fetch(path, init);
	if (!response.ok) {
		throw await failure(response);
	}
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = '';
	for (;;) {
		const { value, done } = await reader.read();
		// Line ends are \n, \r\n or \r; a \r ending a chunk waits for the next one, which may
		// start with its \n.
		buffer = done ? buffer.replace(/\r$/, '\n') : (buffer + value).replace(/\r\n|\r(?!$)/g, '\n');
		let end;
		while ((end = buffer.indexOf('\n\n')) >= 0) {
			dispatch(buffer.slice(0, end), onEvent);
			buffer = buffer.slice(end + 2);
		}
		if (done) {
			return;
		}
	}
}

// Calls onEvent for a frame that carries data; comments (lines starting with ':') are skipped.
function dispatch(frame, onEvent) {
	let type = 'message';
	const data = [];
	for (const line of frame.split('\n')) {
		if (line.startsWith('event:')) {
			type = line.slice(6).trim();
		}
		else if (line.startsWith('data:')) {
			data.push(line.slice(5).startsWith(' ') ? line.slice(6) : line.slice(5));
		}
	}
	if (data.length > 0) {
		onEvent(type, data.join('\n'));
	}
}

// ---- Errors ----------------------------------------------------------------------------

function showError(error) {
	$('error-text').textContent = error.message || String(error);
	$('error-banner').hidden = false;
	if (error.status === 404 && state.selectedId) {
		refreshSandboxes().catch(() => {});
	}
}

function clearError() {
	$('error-banner').hidden = true;
}

// Runs an action of the page, showing its failure in the banner.
function guarded(action) {
	return async (event) => {
		if (event && event.preventDefault) {
			event.preventDefault();
		}
		clearError();
		try {
			await action(event);
		}
		catch (error) {
			if (error.name !== 'AbortError') {
				showError(error);
			}
		}
	};
}

// ---- Sandboxes -------------------------------------------------------------------------

function minutes(input) {
	const value = input.value.trim();
	return value === '' ? undefined : `PT${Number(value)}M`;
}

function duration(seconds) {
	const s = Math.max(0, Math.floor(seconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const pad = (n) => String(n).padStart(2, '0');
	return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

function remaining(sandbox) {
	if (sandbox.remainingLifetimeSeconds === null || sandbox.remainingLifetimeSeconds === undefined) {
		return 'no deletion scheduled';
	}
	const elapsed = (Date.now() - state.listedAt) / 1000;
	return `deleted in ${duration(sandbox.remainingLifetimeSeconds - elapsed)}`;
}

async function refreshSandboxes() {
	state.sandboxes = await api('GET', '/api/sandboxes');
	state.listedAt = Date.now();
	if (state.selectedId && !state.sandboxes.some((s) => s.id === state.selectedId)) {
		deselect();
	}
	renderSandboxes();
}

function renderSandboxes() {
	const list = $('sandbox-list');
	list.replaceChildren(...state.sandboxes.map((sandbox) => {
		const item = document.createElement('li');
		item.dataset.id = sandbox.id;
		item.className = 'sandbox-item' + (sandbox.id === state.selectedId ? ' selected' : '');
		const name = document.createElement('div');
		name.className = 'name';
		name.textContent = sandbox.name;
		const status = document.createElement('span');
		status.className = 'badge' + (sandbox.status === 'HEALTHY' ? '' : ' not-healthy');
		status.textContent = sandbox.status;
		const lifetime = document.createElement('span');
		lifetime.className = 'muted lifetime';
		lifetime.textContent = ' ' + remaining(sandbox);
		item.append(name, status, lifetime);
		item.addEventListener('click', guarded(() => (sandbox.id === state.selectedId ? null : select(sandbox.id))));
		return item;
	}));
	$('no-sandboxes').hidden = state.sandboxes.length > 0;
	renderSelected();
}

function renderSelected() {
	const sandbox = state.sandboxes.find((s) => s.id === state.selectedId);
	if (!sandbox) {
		return;
	}
	$('selected-name').textContent = sandbox.name;
	$('selected-status').textContent = sandbox.status;
	$('selected-status').className = 'badge' + (sandbox.status === 'HEALTHY' ? '' : ' not-healthy');
	$('selected-lifetime').textContent = remaining(sandbox);
}

function tick() {
	document.querySelectorAll('#sandbox-list li').forEach((item) => {
		const sandbox = state.sandboxes.find((s) => s.id === item.dataset.id);
		if (sandbox) {
			item.querySelector('.lifetime').textContent = ' ' + remaining(sandbox);
		}
	});
	renderSelected();
}

async function create() {
	const button = $('create-button');
	button.disabled = true;
	button.textContent = 'Creating…';
	try {
		const sandbox = await api('POST', '/api/sandboxes', {
			image: $('create-image').value.trim() || undefined,
			name: $('create-name').value.trim() || undefined,
			lifetime: minutes($('create-lifetime')),
			idleTimeout: minutes($('create-idle')),
		});
		await refreshSandboxes();
		await select(sandbox.id);
	}
	finally {
		button.disabled = false;
		button.textContent = 'Create';
	}
}

async function select(id) {
	stopStreams();
	state.selection++;
	state.selectedId = id;
	state.directory = '/workspace';
	$('workbench').hidden = false;
	$('output').replaceChildren();
	$('exit-status').textContent = '';
	$('port-url').textContent = '';
	$('port-url').removeAttribute('href');
	$('process-logs').hidden = true;
	renderSandboxes();
	await Promise.all([listFiles('/workspace'), listProcesses()]);
}

function deselect() {
	stopStreams();
	state.selection++;
	state.selectedId = null;
	$('workbench').hidden = true;
}

function stopStreams() {
	if (state.running) {
		state.running.abort();
	}
	if (state.logs) {
		state.logs.abort();
	}
}

function sandboxPath(suffix) {
	return `/api/sandboxes/${encodeURIComponent(state.selectedId)}${suffix}`;
}

async function deleteSelected() {
	const id = state.selectedId;
	deselect();
	await api('DELETE', `/api/sandboxes/${encodeURIComponent(id)}`);
	await refreshSandboxes();
}

async function extendLifetime() {
	await api('POST', sandboxPath('/lifetime'), { remaining: 'PT30M' });
	await refreshSandboxes();
}

// ---- Code and commands -----------------------------------------------------------------

function appendOutput(target, className, text) {
	const line = document.createElement('div');
	line.className = 'line ' + className;
	line.textContent = text;
	target.append(line);
	target.scrollTop = target.scrollHeight;
}

async function runStreamed(path, body) {
	stopStreams();
	const current = stillSelected();
	const output = $('output');
	output.replaceChildren();
	$('exit-status').textContent = 'running…';
	$('run-code').disabled = true;
	$('stop-code').disabled = false;
	const controller = new AbortController();
	state.running = controller;
	let ended = false;
	try {
		await stream('POST', path, body, (type, data) => {
			if (type === 'stdout' || type === 'stderr') {
				appendOutput(output, type, JSON.parse(data).text);
			}
			else if (type === 'exit') {
				const exit = JSON.parse(data);
				ended = true;
				$('exit-status').textContent = `exit ${exit.exitCode} in ${exit.durationMillis} ms`;
			}
			else if (type === 'error') {
				const message = JSON.parse(data).message;
				ended = true;
				appendOutput(output, 'note', message);
				$('exit-status').textContent = 'failed';
				showError(new Error(message));
			}
		}, controller.signal);
		if (!ended) {
			$('exit-status').textContent = 'the output ended without an exit status';
		}
	}
	catch (error) {
		if (current()) {
			$('exit-status').textContent = error.name === 'AbortError' ? 'stopped' : 'failed';
		}
		throw error;
	}
	finally {
		if (state.running === controller) {
			state.running = null;
			$('run-code').disabled = false;
			$('stop-code').disabled = true;
		}
	}
	await listFiles(state.directory);
}

function runCode() {
	return runStreamed(sandboxPath('/code'), { language: $('code-language').value, code: $('code-editor').value });
}

function runCommand() {
	return runStreamed(sandboxPath('/exec/stream'), { command: $('command').value });
}

// ---- Files -----------------------------------------------------------------------------

// Returns a function telling whether the sandbox selected now is still the selected one, so
// that an answer arriving after the user moved on is dropped.
function stillSelected() {
	const selection = state.selection;
	return () => selection === state.selection;
}

async function listFiles(directory) {
	const current = stillSelected();
	const listing = await api('GET', sandboxPath(`/files?path=${encodeURIComponent(directory)}`));
	if (!current()) {
		return;
	}
	state.directory = listing.path;
	$('files-path').value = listing.path;
	$('file-list').replaceChildren(...listing.entries.map((entry) => {
		const item = document.createElement('li');
		item.className = entry.directory ? 'directory' : 'file';
		item.dataset.path = entry.path;
		const link = document.createElement('a');
		link.textContent = entry.name;
		link.addEventListener('click', guarded(() => (entry.directory ? listFiles(entry.path) : openFile(entry.path))));
		item.append(link);
		return item;
	}));
}

function parentOf(path) {
	const trimmed = path.replace(/\/+$/, '');
	const index = trimmed.lastIndexOf('/');
	return index <= 0 ? '/' : trimmed.slice(0, index);
}

async function openFile(path) {
	const current = stillSelected();
	const content = await api('GET', sandboxPath(`/files/content?path=${encodeURIComponent(path)}`));
	if (!current()) {
		return;
	}
	state.openFile = path;
	$('file-view').hidden = false;
	$('file-view-path').textContent = path;
	$('file-editor').value = content;
	$('file-download').href = sandboxPath(`/files/download?path=${encodeURIComponent(path)}`);
}

async function saveFile() {
	await api('PUT', sandboxPath(`/files/content?path=${encodeURIComponent(state.openFile)}`),
		$('file-editor').value, 'text/plain;charset=UTF-8');
	await listFiles(state.directory);
}

async function deleteFile() {
	await api('DELETE', sandboxPath(`/files?path=${encodeURIComponent(state.openFile)}`));
	$('file-view').hidden = true;
	state.openFile = null;
	await listFiles(state.directory);
}

async function newFile() {
	const name = $('new-file-name').value.trim();
	if (!name) {
		throw new Error('Give the new file a name.');
	}
	const path = state.directory.replace(/\/+$/, '') + '/' + name;
	await api('PUT', sandboxPath(`/files/content?path=${encodeURIComponent(path)}`), '', 'text/plain;charset=UTF-8');
	$('new-file-name').value = '';
	await listFiles(state.directory);
	await openFile(path);
}

async function upload() {
	const input = $('files-upload');
	if (!input.files.length) {
		return;
	}
	const form = new FormData();
	form.append('file', input.files[0]);
	input.value = '';
	await api('POST', sandboxPath(`/files/upload?directory=${encodeURIComponent(state.directory)}`), form);
	await listFiles(state.directory);
}

// ---- Processes and ports ---------------------------------------------------------------

async function listProcesses() {
	const current = stillSelected();
	const processes = await api('GET', sandboxPath('/processes'));
	if (!current()) {
		return;
	}
	$('process-list').replaceChildren(...processes.map((process) => {
		const item = document.createElement('li');
		item.dataset.id = process.id;
		const label = document.createElement('span');
		label.className = 'grow';
		label.textContent = `${process.command} (pid ${process.pid}, ${process.status.toLowerCase()})`;
		const logs = document.createElement('button');
		logs.className = 'small';
		logs.textContent = 'Logs';
		logs.addEventListener('click', guarded(() => showLogs(process.id)));
		item.append(label, logs);
		if (process.status === 'RUNNING') {
			const kill = document.createElement('button');
			kill.className = 'small';
			kill.textContent = 'Kill';
			kill.addEventListener('click', guarded(async () => {
				await api('DELETE', sandboxPath(`/processes/${encodeURIComponent(process.id)}`));
				await listProcesses();
			}));
			item.append(kill);
		}
		return item;
	}));
}

async function startProcess() {
	await api('POST', sandboxPath('/processes'), { command: $('process-command').value });
	await listProcesses();
}

async function showLogs(processId) {
	if (state.logs) {
		state.logs.abort();
	}
	const controller = new AbortController();
	state.logs = controller;
	const target = $('process-logs');
	target.hidden = false;
	target.replaceChildren();
	await stream('GET', sandboxPath(`/processes/${encodeURIComponent(processId)}/logs`), undefined, (type, data) => {
		if (type === 'error') {
			appendOutput(target, 'note', JSON.parse(data).message);
		}
		else if (type === 'stdout' || type === 'stderr') {
			appendOutput(target, type, JSON.parse(data).text);
		}
	}, controller.signal);
	await listProcesses();
}

async function exposePort() {
	const exposed = await api('POST', sandboxPath('/port'), { port: Number($('port-number').value) });
	$('port-url').href = exposed.url;
	$('port-url').textContent = exposed.url;
}

async function unexposePort() {
	await api('DELETE', sandboxPath('/port'));
	$('port-url').textContent = '';
	$('port-url').removeAttribute('href');
}

async function showEndpoint() {
	const health = await api('GET', '/actuator/health');
	const details = health.components && health.components.koyebSandbox && health.components.koyebSandbox.details;
	if (details) {
		$('endpoint').textContent = details.endpoint === 'emulator'
			? 'Sandboxes run on the embedded emulator' : `Sandboxes run on Koyeb (${details.baseUrl})`;
	}
}

// ---- Wiring ----------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
	$('error-close').addEventListener('click', clearError);
	$('create-form').addEventListener('submit', guarded(create));
	$('refresh-sandboxes').addEventListener('click', guarded(refreshSandboxes));
	$('delete-sandbox').addEventListener('click', guarded(deleteSelected));
	$('extend-lifetime').addEventListener('click', guarded(extendLifetime));
	$('run-code').addEventListener('click', guarded(runCode));
	$('stop-code').addEventListener('click', stopStreams);
	$('command-form').addEventListener('submit', guarded(runCommand));
	$('files-form').addEventListener('submit', guarded(() => listFiles($('files-path').value)));
	$('files-up').addEventListener('click', guarded(() => listFiles(parentOf(state.directory))));
	$('files-upload').addEventListener('change', guarded(upload));
	$('file-save').addEventListener('click', guarded(saveFile));
	$('file-delete').addEventListener('click', guarded(deleteFile));
	$('new-file-form').addEventListener('submit', guarded(newFile));
	$('process-form').addEventListener('submit', guarded(startProcess));
	$('port-form').addEventListener('submit', guarded(exposePort));
	$('port-unexpose').addEventListener('click', guarded(unexposePort));
	$('code-language').addEventListener('change', () => {
		$('code-editor').value = EXAMPLES[$('code-language').value];
	});
	$('code-editor').value = EXAMPLES.python;
	guarded(() => Promise.all([refreshSandboxes(), showEndpoint()]))();
	setInterval(tick, 1000);
	setInterval(() => refreshSandboxes().catch(() => {}), LIST_REFRESH_MILLIS);
});
