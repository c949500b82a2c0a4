"""The Bot API methods the fake emulates, one module per method family.

Why split by family: "where is editMessageText emulated" is answered by a file name. Each module
is a mixin on :class:`bench.fake_bot_api.state.FakeState`; the table in
:class:`bench.fake_bot_api.server.FakeTelegram` maps every method name to its handler.

- ``messages.py``: sendMessage, editMessageText, editMessageReplyMarkup, deleteMessage;
- ``files.py``: sendPhoto, sendDocument, and downloading what the bot uploaded;
- ``callbacks.py``: answerCallbackQuery, and which button presses are still unanswered;
- ``updates.py``: getUpdates (long polling) and setWebhook / deleteWebhook / getWebhookInfo;
- ``bot_profile.py``: getMe, setMyCommands / deleteMyCommands, setMyDescription /
  setMyShortDescription, and the methods that only answer ``true`` (sendChatAction, close,
  logOut).
"""
