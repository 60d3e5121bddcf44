// The phone simulator: keeps the session's inputs like a handset network does, and sends each hop to
// POST /simulator/ussd (which forwards it to the real /at/ussd webhook). No inline script: the CSP forbids it.
(function () {
    'use strict';
    var phone = document.getElementById('phone');
    if (!phone) { return; }
    var screen = document.getElementById('screen-text');
    var entry = document.getElementById('entry');
    var hopsShown = document.getElementById('hops');
    var sessionShown = document.getElementById('session-id');
    var state = { session: null, inputs: [], ended: true, busy: false, hops: 0, started: 0 };

    function post(path, body) {
        return fetch(path, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': phone.dataset.csrf },
            body: JSON.stringify(body)
        });
    }

    // What Africa's Talking sends after a session: completed (an END screen) or abandoned (hung up).
    function notifyEnd(completed) {
        post('/simulator/ussd/end', {
            session: state.session, text: state.inputs.join('*'), completed: completed,
            hops: state.hops, ms: Date.now() - state.started
        }).catch(function () { /* the drop-off view misses one demo session; nothing else depends on it */ });
    }

    function randomId() {
        var bytes = new Uint8Array(12);
        window.crypto.getRandomValues(bytes);
        return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    }

    function show(text, ended) {
        screen.textContent = text;
        phone.classList.toggle('ended', !!ended);
    }

    function idle() {
        if (state.session !== null && !state.ended && !state.busy) {
            notifyEnd(false);
        }
        state = { session: null, inputs: [], ended: true, busy: false, hops: 0, started: 0 };
        entry.value = phone.dataset.serviceCode;
        sessionShown.textContent = '-';
        hopsShown.textContent = '0';
        show(phone.dataset.idle, false);
    }

    function hop() {
        var text = state.inputs.join('*');
        state.busy = true;
        phone.classList.add('busy');
        show(phone.dataset.wait, false);
        post('/simulator/ussd', { session: state.session, text: text }).then(function (response) {
            return response.json().catch(function () { return { error: 'HTTP ' + response.status }; });
        }).then(function (answer) {
            if (answer.error) {
                state.ended = true;
                show(phone.dataset.error + ' (' + answer.error + ')', true);
                return;
            }
            state.hops += 1;
            hopsShown.textContent = String(state.hops);
            state.ended = answer.end;
            show(answer.screen, answer.end);
            if (answer.end) {
                notifyEnd(true);
            }
        }).catch(function () {
            state.ended = true;
            show(phone.dataset.error, true);
        }).then(function () {
            state.busy = false;
            phone.classList.remove('busy');
            entry.focus();
        });
    }

    function send() {
        if (state.busy) { return; }
        if (state.ended) {
            if (state.session !== null) { idle(); return; }  // an END screen: the next Send goes back to idle
            state.session = randomId();
            state.started = Date.now();
            sessionShown.textContent = state.session.slice(0, 8);
            state.ended = false;
            entry.value = '';
            hop();
            return;
        }
        state.inputs.push(entry.value.trim());
        entry.value = '';
        hop();
    }

    document.getElementById('send').addEventListener('click', send);
    document.getElementById('hangup').addEventListener('click', idle);
    document.getElementById('clear').addEventListener('click', function () {
        entry.value = entry.value.slice(0, -1);
        entry.focus();
    });
    document.getElementById('keypad').addEventListener('click', function (event) {
        var key = event.target.closest('button[data-key]');
        if (key) {
            entry.value += key.dataset.key;
            entry.focus();
        }
    });
    entry.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') {
            event.preventDefault();
            send();
        } else if (event.key === 'Escape') {
            idle();
        }
    });
    idle();
}());
