// A peer for bench/run-ussd.sh: an npm USSD menu library (ussd-menu-builder or ussd-builder, same API) behind
// node's own http server, answering the Africa's Talking form with a 10-screen menu (welcome, consent,
// district, sector, service, gap, comment, quote, confirm, then END with a reference), any input moving on, and
// nothing stored: what a USSD menu costs when it keeps no state and files nothing. A new menu per request, since
// a shared one keeps the request in its fields while it resolves the route asynchronously.
//   node bench/peers/peer.js ussd-menu-builder 7091
const http = require('http');
const querystring = require('querystring');
const path = require('path');
const UssdMenu = require(path.join(__dirname, 'node_modules', process.argv[2] || 'ussd-menu-builder'));
const port = Number(process.argv[3] || 7091);
const screens = ['Ijwi: how did services treat you?\n1. Give feedback\n2. Emergency numbers',
  'We never ask your name.\n1. Continue\n2. I need help now', 'Choose your district:\n1. Gasabo\n2. Kicukiro',
  'Choose your sector:\n1. Bumbogo\n2. Gatsata', 'Which service let you down?\n1. Police\n2. Health',
  'What went wrong?\n1. Not available\n2. No response', 'Add a short comment (no names), or 1 to skip:',
  'May we quote your words?\n1. Yes\n2. No', 'Send your feedback?\n1. Send\n2. Cancel'];

function menu() {
  const m = new UssdMenu();
  m.startState({ run: () => m.con(screens[0]), next: { '*.+': 's1' } });
  for (let i = 1; i < screens.length; i++) {
    m.state('s' + i, { run: () => m.con(screens[i]), next: { '*.+': 's' + (i + 1) } });
  }
  m.state('s' + screens.length, { run: () => m.end('Thank you. Your reference: 123456.') });
  return m;
}

http.createServer((req, res) => {
  if (req.method === 'GET') { res.end('{"status":"up"}'); return; }
  let body = '';
  req.on('data', chunk => { body += chunk; });
  req.on('end', () => {
    const form = querystring.parse(body);
    menu().run({ phoneNumber: form.phoneNumber, sessionId: form.sessionId, serviceCode: form.serviceCode,
      text: form.text || '' }, answer => { res.setHeader('Content-Type', 'text/plain'); res.end(answer); });
  });
}).listen(port, '127.0.0.1');
