"""대신 하기: a coordinator does a resident task for a household of their complex that asked
for help (전화 / 방문 / 도움 요청 #n). The rules are in core/identity/proxy.py, the mode in
bot/engine/proxy.py; this feature starts it, offers the tasks, ends it, and words the notice
the household gets."""
