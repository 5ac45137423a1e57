/*
 * kb-guide chat widget. Embed with one tag:
 *   <script src="https://<service>/widget/kb-guide.js" data-article="ARTICLE-ID" defer></script>
 * (without data-article: the service's only article; with several, the person says what the problem is and the
 * service finds the article, or offers the ones it may be, or says it has none).
 * It adds a launcher button and a chat panel, and talks only to the service it was loaded from (its JSON API).
 * Every text is put on the page with textContent, never as HTML. The conversation id and a plain-text transcript
 * are kept in localStorage, so the conversation and its history survive a page reload. Every word about the
 * article and the answer comes from the API (the verdict, steps, findings, questions); the widget only lays them
 * out. No dependencies, no third-party scripts.
 */
(function () {
  'use strict';
  if (window.__kbGuideLoaded) {
    return;
  }
  window.__kbGuideLoaded = true;

  var script = document.currentScript;
  var base = new URL(script.src, window.location.href).origin;
  var article = script.getAttribute('data-article'); // null: found from the person's first message
  var firstMessage = null; // the first message, while its article is being chosen
  var storeKey = 'kb-guide:' + base + ':' + (article || '*');
  // the widget's own public paths: the help-desk API (/api/v1) may need a key the widget cannot keep secret
  var API = base + '/widget/v1/conversations';

  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = base + '/widget/kb-guide.css';
  document.head.appendChild(css);

  // ------------------------------------------------------------------------------------------------ elements
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') {
        e.textContent = attrs[k];
      } else if (k === 'onclick') {
        e.addEventListener('click', attrs[k]);
      } else {
        e.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) {
      if (c) {
        e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
      }
    });
    return e;
  }

  var root = el('div', {'class': 'kbg', 'id': 'kbg-root'});
  var launcher = el('button', {'type': 'button', 'class': 'kbg-launcher', 'aria-expanded': 'false',
    'aria-controls': 'kbg-panel', 'text': 'Check my server'});
  var closeButton = el('button', {'type': 'button', 'class': 'kbg-close', 'aria-label': 'Close the assistant',
    'text': '\u00d7'});
  var log = el('div', {'class': 'kbg-log', 'role': 'log', 'aria-live': 'polite', 'aria-relevant': 'additions',
    'aria-label': 'Conversation', 'tabindex': '0'});
  var typing = el('div', {'class': 'kbg-typing', 'role': 'status', 'hidden': ''}, [
    el('span', {'class': 'kbg-dot', 'aria-hidden': 'true'}), el('span', {'class': 'kbg-dot', 'aria-hidden': 'true'}),
    el('span', {'class': 'kbg-dot', 'aria-hidden': 'true'}), el('span', {'class': 'kbg-sr', 'text': 'Checking\u2026'})]);
  var error = el('div', {'class': 'kbg-error', 'role': 'alert', 'hidden': ''});
  var controls = el('div', {'class': 'kbg-controls', 'role': 'group', 'aria-label': 'Answers'});
  /** The most characters the API reads from one message (ConversationRequests.MAX_TEXT). */
  var MAX_TEXT = 12000;
  var TYPE_OR_PASTE = 'Type an answer, or paste what a command prints';
  var textarea = el('textarea', {'id': 'kbg-text', 'class': 'kbg-text', 'rows': '2', 'placeholder': TYPE_OR_PASTE});
  var send = el('button', {'type': 'submit', 'class': 'kbg-send', 'text': 'Send'});
  var form = el('form', {'class': 'kbg-form'}, [
    el('label', {'for': 'kbg-text', 'class': 'kbg-label', 'text': 'Type or paste your answer'}), textarea, send]);
  var panel = el('section', {'id': 'kbg-panel', 'class': 'kbg-panel', 'role': 'dialog', 'aria-modal': 'false',
    'aria-labelledby': 'kbg-title', 'hidden': ''}, [
    el('header', {'class': 'kbg-header'}, [el('h2', {'id': 'kbg-title', 'class': 'kbg-title',
      'text': 'Troubleshooting assistant'}), closeButton]),
    log, typing, error, controls, form]);
  root.appendChild(panel);
  root.appendChild(launcher);

  function mount() {
    document.body.appendChild(root);
  }
  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }

  // --------------------------------------------------------------------------------------------------- state
  var conversationId = null;
  var lastView = null;
  var pending = null; // the request to retry after a failure
  var started = false;
  var restoring = false; // the first step shown after a reload is already in the transcript

  function store(id) {
    conversationId = id;
    try {
      if (id) {
        window.localStorage.setItem(storeKey, id);
      } else {
        window.localStorage.removeItem(storeKey);
      }
    } catch (e) { /* storage off: the conversation lasts as long as the page */ }
  }

  function stored() {
    try {
      return window.localStorage.getItem(storeKey);
    } catch (e) {
      return null;
    }
  }

  /** The transcript as plain text ({who, text}), kept so that a reload shows the history, not only the step. */
  var historyKey = storeKey + ':history';
  var MAX_HISTORY = 60;

  function remember(who, text) {
    try {
      var all = JSON.parse(window.localStorage.getItem(historyKey) || '[]');
      all.push({who: who, text: String(text).slice(0, 2000)});
      window.localStorage.setItem(historyKey, JSON.stringify(all.slice(-MAX_HISTORY)));
    } catch (e) { /* storage off or full: the history lasts as long as the page */ }
  }

  function forget() {
    try {
      window.localStorage.removeItem(historyKey);
    } catch (e) { /* nothing kept */ }
  }

  function history() {
    try {
      var all = JSON.parse(window.localStorage.getItem(historyKey) || '[]');
      return Array.isArray(all) ? all : [];
    } catch (e) {
      return [];
    }
  }

  // ------------------------------------------------------------------------------------------------- talking
  function request(method, path, body, accept) {
    var headers = {'Accept': accept || 'application/json', 'KB-Guide-Channel': 'widget'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(API + path, {method: method, headers: headers, credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body)});
  }

  /** Sends a request; shows the typing indicator, a problem's detail, or a retry when the service is away. */
  function call(method, path, body, said) {
    pending = function () { call(method, path, body, null); };
    if (said) {
      say('user', said);
    }
    error.hidden = true;
    typing.hidden = false;
    setBusy(true);
    return request(method, path, body).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (e) {
          data = null;
        }
        return {status: response.status, data: data};
      });
    }).then(function (result) {
      typing.hidden = true;
      setBusy(false);
      pending = null;
      if (result.status >= 200 && result.status < 300 && result.data && result.data.step) {
        show(result.data);
      } else if (result.status === 400 && result.data && /invalid-conversation-id/.test(result.data.type || '')
          || result.status === 410) {
        store(null);
        say('bot', 'That conversation could not be continued, so a new one starts.');
        begin();
      } else if (result.data && result.data.detail) {
        say('bot', result.data.detail);
        if (lastView) {
          renderControls(lastView);
        }
      } else {
        failed();
      }
    }, function () {
      typing.hidden = true;
      setBusy(false);
      failed();
    });
  }

  function failed() {
    error.textContent = '';
    error.appendChild(el('span', {'text': 'The service cannot be reached right now. '}));
    error.appendChild(el('button', {'type': 'button', 'class': 'kbg-button', 'text': 'Try again',
      onclick: function () {
        if (pending) {
          pending();
        }
      }}));
    error.hidden = false;
  }

  function setBusy(busy) {
    send.disabled = busy;
    Array.prototype.forEach.call(controls.querySelectorAll('button'), function (b) {
      b.disabled = busy;
    });
  }

  function start() {
    if (started) {
      return;
    }
    started = true;
    var id = stored();
    if (id) {
      conversationId = id;
      history().forEach(function (m) {
        if (m && (m.who === 'user' || m.who === 'bot') && typeof m.text === 'string') {
          log.appendChild(el('div', {'class': 'kbg-msg kbg-' + m.who + ' kbg-earlier'}, [
            el('span', {'class': 'kbg-sr', 'text': m.who === 'user' ? 'You: ' : 'Assistant: '}), m.text]));
        }
      });
      scroll();
      restoring = true;
      call('GET', '/' + encodeURIComponent(id));
    } else {
      begin();
    }
  }

  /**
   * A new conversation on the page's article, or the service's only one; with several, the person's first
   * message finds it.
   */
  function begin() {
    if (article) {
      call('POST', '', {articleId: article});
      return;
    }
    fetch(base + '/widget/v1/articles', {headers: {'Accept': 'application/json', 'KB-Guide-Channel': 'widget'},
      credentials: 'omit'}).then(function (r) {
      return r.json();
    }).then(function (list) {
      if (list.length === 1) {
        call('POST', '', {articleId: list[0].id});
        return;
      }
      lastView = null;
      controls.textContent = '';
      textarea.placeholder = 'Describe the problem';
      say('bot', 'What is the problem? Describe it in a sentence or two, or paste the error you see.');
    }, failed);
  }

  /** The person's first message, when no article is chosen yet: the service finds the article. */
  function first(text, said) {
    firstMessage = text;
    call('POST', '', {text: text}, said);
  }

  function reply(body, said) {
    call('POST', '/' + encodeURIComponent(conversationId) + '/replies', body, said);
  }

  function action(name, said) {
    call('POST', '/' + encodeURIComponent(conversationId) + '/' + name, undefined, said);
  }

  // ------------------------------------------------------------------------------------------------ showing
  function say(who, text) {
    remember(who, text);
    var bubble = el('div', {'class': 'kbg-msg kbg-' + who}, [
      el('span', {'class': 'kbg-sr', 'text': who === 'user' ? 'You: ' : 'Assistant: '}), text]);
    log.appendChild(bubble);
    scroll();
    return bubble;
  }

  function bot(children) {
    var bubble = el('div', {'class': 'kbg-msg kbg-bot'}, [el('span', {'class': 'kbg-sr', 'text': 'Assistant: '})]
      .concat(children));
    log.appendChild(bubble);
    scroll();
    return bubble;
  }

  function scroll() {
    log.scrollTop = log.scrollHeight;
  }

  function show(view) {
    store(view.conversationId);
    lastView = view;
    view.restored = restoring;
    restoring = false;
    if (view.restored) {
      // the transcript ends with this step in plain words: show it in full instead
      var earlier = log.querySelectorAll('.kbg-earlier');
      var last = earlier.length ? earlier[earlier.length - 1] : null;
      var current = view.step.type === 'question' ? view.step.question.text
        : view.step.diagnosis && view.step.diagnosis.verdict ? view.step.diagnosis.verdict.text : null;
      if (last && current && last.textContent.slice(-current.length) === current) {
        log.removeChild(last);
      }
    }
    if (view.notice) {
      bot([view.notice]);
    }
    if (view.understood && view.understood.length) {
      bot([el('p', {'text': 'I read from your message:'}), el('ul', {}, view.understood.map(function (u) {
        return el('li', {'text': u.name + ': ' + u.label + ' (from \u201c' + u.evidence + '\u201d)'});
      }))]);
    }
    (view.unclear || []).forEach(function (u) {
      bot([el('p', {'class': 'kbg-warn', 'text': u.message})]);
    });
    if (view.ignored && view.ignored.length) {
      bot([el('p', {'text': 'Not used from your message:'}), el('ul', {'class': 'kbg-ignored'},
        view.ignored.map(function (g) {
          return el('li', {'text': '\u201c' + g.text + '\u201d: ' + g.words});
        }))]);
    }
    (view.articleSays || []).forEach(function (a) {
      var parts = [el('p', {'class': 'kbg-asked', 'text': a.question}), el('p', {'text': a.text})];
      if (a.link) {
        parts.push(el('p', {'class': 'kbg-cite'}, ['Source: ', el('a', {'href': base + a.link, 'target': '_blank',
          'rel': 'noopener', 'text': a.sectionTitle})]));
      }
      bot(parts);
    });
    var step = view.step;
    if (step.type === 'choose-article' || step.type === 'no-article') {
      bot([el('p', {'text': step.message})]);
      renderControls(view);
      return;
    }
    firstMessage = null;
    if (view.collector && step.type === 'question' && !view.restored) {
      // the quickest way: the article's read-only checker, run on the server, its output pasted here
      bot([el('p', {'class': 'kbg-collector'}, ['Quicker: run the read-only checker on the server and paste what'
        + ' it prints here: ', el('a', {'href': base + view.collector.cmd, 'download': '', 'text':
        'command prompt (.cmd)'}), ' or ', el('a', {'href': base + view.collector.ps1, 'download': '', 'text':
        'PowerShell (.ps1)'}), '.'])]);
    }
    if (step.type === 'question') {
      var q = step.question;
      var parts = [el('p', {'class': 'kbg-q', 'text': q.text})];
      if (q.hint) {
        parts.push(el('p', {'class': 'kbg-hint', 'text': q.hint}));
      }
      parts.push(howTo(q));
      parts.push(el('p', {'class': 'kbg-progress', 'text': 'Question ' + (step.progress.answered + 1)
        + '; at most ' + step.progress.remainingAtMost + ' to go.'}));
      if (!view.restored) {
        remember('bot', q.text);
      }
      bot(parts);
    } else if (step.type === 'readback') {
      bot([el('p', {'class': 'kbg-q', 'text': 'Please check what I read'}),
        el('p', {'text': 'These answers came from typed words, and the steps depend on them. Confirm them, or change'
          + ' any that is wrong.'}),
        el('ul', {}, step.readBack.map(function (r) {
          return el('li', r.weak ? {'class': 'kbg-weak'} : {}, [el('strong', {'text': r.question + ' '}),
            r.label + (r.weak ? ' (from one word only: \u201c' : ' (from \u201c') + r.evidence
            + '\u201d)']);
        }))]);
    } else {
      if (!view.restored) {
        remember('bot', step.diagnosis.verdict ? step.diagnosis.verdict.text : step.diagnosis.summary);
      }
      var shown = card(step.diagnosis, step);
      log.appendChild(shown);
      log.scrollTop = shown.offsetTop - log.offsetTop - 8; // the diagnosis is read from its top
    }
    renderControls(view);
  }

  /** "How do I find out?": help and commands, folded. */
  function howTo(q) {
    var body = [el('p', {'text': q.help || ''})];
    (q.instructions || []).forEach(function (i) {
      body.push(instruction(i));
    });
    return el('details', {'class': 'kbg-how'}, [el('summary', {'text': 'How do I find out?'})].concat(body));
  }

  function instruction(i) {
    var parts = [];
    if (i.onlyOn) {
      parts.push(el('p', {'class': 'kbg-only', 'text': i.onlyOn + ':'}));
    }
    if (i.command) {
      parts.push(el('div', {'class': 'kbg-cmd'}, [el('pre', {'tabindex': '0'}, [el('code', {'text': i.command})]),
        copyButton(i.command, 'Copy command')]));
    } else if (i.gui) {
      parts.push(el('p', {'text': i.gui}));
    }
    if (i.expect) {
      parts.push(el('p', {'class': 'kbg-expect', 'text': 'Expect: ' + i.expect}));
    }
    return el('div', {'class': 'kbg-instruction'}, parts);
  }

  function copyButton(text, label) {
    var b = el('button', {'type': 'button', 'class': 'kbg-copy', 'text': label});
    b.addEventListener('click', function () {
      copy(text).then(function () {
        b.textContent = 'Copied';
        setTimeout(function () {
          b.textContent = label;
        }, 1500);
      }, function () {
        b.textContent = 'Copy failed: select and copy';
      });
    });
    return b;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = el('textarea', {'class': 'kbg-offscreen', 'aria-hidden': 'true'});
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand('copy');
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(area);
      if (ok) {
        resolve();
      } else {
        reject(new Error('copy'));
      }
    });
  }

  function citeLinks(citations) {
    if (!citations || !citations.length) {
      return null;
    }
    return el('p', {'class': 'kbg-cite'}, ['Source: '].concat(citations.map(function (c, n) {
      var a = el('a', {'href': base + '/articles/' + encodeURIComponent(article) + '#' + encodeURIComponent(c.section),
        'target': '_blank', 'rel': 'noopener', 'title': '\u201c' + c.quote + '\u201d', 'text': '\u00a7 ' + c.sectionTitle});
      return n === 0 ? a : el('span', {}, ['; ', a]);
    })));
  }

  function inference(source) {
    return source === 'inference' ? el('span', {'class': 'kbg-inference', 'text': ' (inference beyond the article)'})
      : null;
  }

  function card(d, step) {
    var verdict = d.verdict ? d.verdict.text : d.summary;
    var parts = [el('h3', {'class': 'kbg-card-title kbg-verdict', 'text': verdict})];
    if (d.remediation.length) {
      parts.push(el('ol', {'class': 'kbg-steps', 'aria-label': 'Steps'}, d.remediation.map(function (s) {
        return el('li', {}, [el('strong', {'text': s.title}), inference(s.source), el('p', {'text': s.detail})]
          .concat((s.instructions || []).map(instruction)).concat([citeLinks(s.citations)]));
      })));
    }
    if (d.plansByCase && d.plansByCase.length) {
      parts.push(el('ul', {'class': 'kbg-cases', 'aria-label': 'What each answer would lead to'},
        d.plansByCase.map(function (c) {
          return el('li', {'text': c.text});
        })));
    }
    if (d.toFindOut && d.toFindOut.length) {
      parts.push(el('ul', {'class': 'kbg-find-out', 'aria-label': 'Still to find out'}, d.toFindOut.map(function (m) {
        var how = el('details', {'class': 'kbg-how'}, [el('summary', {'text': 'How do I find out?'}),
          el('p', {'text': m.help || ''})].concat((m.instructions || []).map(instruction)));
        return el('li', {}, [el('strong', {'text': m.question}),
          m.onlyIfText ? el('span', {'class': 'kbg-only-if', 'text': ' (' + m.onlyIfText + ')'}) : null, how]);
      })));
    }
    var why = [el('summary', {'text': 'Why: the findings'})];
    var findings = el('dl', {'class': 'kbg-findings'});
    Object.keys(d.findingDetails || {}).forEach(function (k) {
      var f = d.findingDetails[k];
      if (f.value === 'undetermined') {
        return; // said once, in the still-needed line
      }
      findings.appendChild(el('dt', {'text': f.label}));
      findings.appendChild(el('dd', {}, [f.statement, inference(f.source), citeLinks(f.citations)]));
    });
    why.push(findings);
    if (d.stillNeeded) {
      why.push(el('p', {'class': 'kbg-still-needed', 'text': d.stillNeeded}));
    }
    (d.notes || []).forEach(function (n) {
      why.push(el('p', {'class': 'kbg-note'}, [n.text, inference(n.source), citeLinks(n.citations)]));
    });
    parts.push(el('details', {'class': 'kbg-why'}, why));
    var copyAll = el('button', {'type': 'button', 'class': 'kbg-copy kbg-copy-all', 'text': 'Copy diagnosis for a ticket'});
    copyAll.addEventListener('click', function () {
      request('GET', '/' + encodeURIComponent(conversationId), undefined, 'text/markdown').then(function (r) {
        return r.text();
      }).then(copy).then(function () {
        copyAll.textContent = 'Copied as Markdown';
      }, function () {
        copyAll.textContent = 'Copy failed';
      });
    });
    parts.push(copyAll);
    return el('article', {'class': 'kbg-msg kbg-bot kbg-card', 'aria-label': 'Diagnosis'}, parts);
  }

  /** The buttons for the current step; older steps' buttons are removed, so nothing stale can be clicked. */
  function renderControls(view) {
    controls.textContent = '';
    var step = view.step;
    var buttons = [];
    function button(label, onclick, kind) {
      var b = el('button', {'type': 'button', 'class': 'kbg-button' + (kind ? ' kbg-' + kind : ''), 'text': label,
        onclick: onclick});
      buttons.push(b);
      controls.appendChild(b);
      return b;
    }
    if (step.type === 'choose-article') {
      step.articles.forEach(function (a) {
        button(a.title, function () {
          call('POST', '', {articleId: a.id, text: firstMessage}, a.title);
        }, 'choice');
      });
      textarea.placeholder = 'Or describe the problem again';
      return;
    }
    if (step.type === 'no-article') {
      textarea.placeholder = 'Describe the problem';
      return;
    }
    if (step.type === 'question') {
      var q = step.question;
      q.choices.forEach(function (c) {
        button(c.label, function () {
          reply({factId: q.factId, value: c.value}, c.label);
        }, 'choice');
      });
      if (q.allowUnknown) {
        button('I don\u2019t know', function () {
          reply({factId: q.factId, value: 'unknown'}, 'I don\u2019t know');
        });
      }
      textarea.placeholder = q.typeIn ? 'Or type ' + q.typeIn : (q.instructions && q.instructions.length
        ? TYPE_OR_PASTE : 'Type an answer');
    } else if (step.type === 'readback') {
      button('Confirm', function () {
        action('confirm', 'Confirmed');
      }, 'primary');
      step.readBack.forEach(function (r) {
        button('Change \u201c' + r.label + '\u201d', function () {
          changeChoices(r);
        });
      });
    }
    if (step.answers && step.answers.length) {
      button('Back', function () {
        action('back', 'Back');
      });
    }
    button('Start over', startOver);
    if (buttons.length) {
      buttons[0].focus({preventScroll: true});
    }
  }

  function startOver() {
    log.textContent = '';
    forget();
    action('restart', null);
  }

  function changeChoices(r) {
    controls.textContent = '';
    if (!r.choices.length) {
      textarea.focus();
      textarea.placeholder = 'Type the right value';
      return;
    }
    var first = null;
    r.choices.forEach(function (c) {
      var b = el('button', {'type': 'button', 'class': 'kbg-button kbg-choice', 'text': c.label, onclick: function () {
        reply({factId: r.factId, value: c.value}, c.label);
      }});
      controls.appendChild(b);
      first = first || b;
    });
    controls.appendChild(el('button', {'type': 'button', 'class': 'kbg-button', 'text': 'Cancel', onclick: function () {
      renderControls(lastView);
    }}));
    first.focus();
  }

  // ----------------------------------------------------------------------------------------------- behaviour
  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    root.classList.add('kbg-open');
    start();
    var first = controls.querySelector('button') || textarea;
    first.focus({preventScroll: true});
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    root.classList.remove('kbg-open');
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) {
      open();
    } else {
      close();
    }
  });
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      close();
    }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = textarea.value.trim();
    var routing = !conversationId && started && (!lastView || !lastView.conversationId);
    if (!text) {
      say('bot', 'The box is empty: type an answer, or choose one of the buttons.');
      return;
    }
    if (text.length > MAX_TEXT) {
      // never cut silently: the text stays in the box
      say('bot', 'Your message has ' + text.length + ' characters; at most ' + MAX_TEXT + ' can be read at once.'
        + ' Please send the part with the answers, or send it in two messages.');
      return;
    }
    textarea.value = '';
    if (routing) {
      first(text, text.length > 300 ? text.slice(0, 300) + '\u2026' : text);
      return;
    }
    if (!conversationId) {
      return;
    }
    // the buttons' words typed: go back, start over, confirm
    var command = text.toLowerCase().replace(/[.!\s]+$/, '');
    if (command === 'back' && lastView && lastView.step.answers && lastView.step.answers.length) {
      action('back', 'Back');
      return;
    }
    if (command === 'start over' || command === 'restart') {
      say('user', text);
      startOver();
      return;
    }
    if (command === 'confirm' && lastView && lastView.step.type === 'readback') {
      action('confirm', 'Confirmed');
      return;
    }
    reply({text: text}, text.length > 300 ? text.slice(0, 300) + '\u2026' : text);
  });
  textarea.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', {cancelable: true}));
    }
  });
  if (stored()) {
    // a conversation was going on before the reload: reopen it where it was
    open();
  }
})();
