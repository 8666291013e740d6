"""Spanish for the viewer's interface: English source text -> Spanish.

Keys are the English text exactly as the templates and ``timeline.web`` pass it to ``_()`` /
``gettext``; ``{name}`` placeholders are kept. ``tests/web/test_i18n_catalogue.py`` fails
when a string shown to readers has no Spanish here, or when an entry here is no longer used.
"""

from __future__ import annotations

from timeline.web.catalogue_es_editing import EDITING

MESSAGES: dict[str, str] = {
    # base.html, embed.html
    "Skip to content": "Saltar al contenido",
    "Stories": "Historias",
    "All events": "Todos los eventos",
    "Editing as {name}": "Editando como {name}",
    "Sign out": "Cerrar sesión",
    "Interface language": "Idioma de la interfaz",
    "Every entry is quoted from its source article and dated as the article put it. The "
    "archive is an append-only log: corrections and retractions are added, never overwritten.":
        "Cada entrada cita su artículo de origen y lleva la fecha que le dio el artículo. El "
        "archivo es un registro al que solo se añade: las correcciones y retractaciones se "
        "agregan, nunca se sobrescribe nada.",
    "No events yet.": "Todavía no hay eventos.",
    "From": "Desde",
    "every entry quoted from its source and dated as the article put it.":
        "cada entrada citada de su fuente y fechada como la fechó el artículo.",
    # timeline.html
    "A timeline of {n} dated events, each quoted from its source.":
        "Una cronología de {n} eventos fechados, cada uno citado de su fuente.",
    "Calendar feed": "Calendario suscribible",
    "JSON feed": "Datos en JSON",
    "Subscribe in your calendar": "Suscribirse en su calendario",
    "Export:": "Exportar:",
    "Key dates": "Fechas clave",
    "Print": "Imprimir",
    "Embed this timeline": "Insertar esta cronología",
    "Paste this HTML into your page:": "Pegue este HTML en su página:",
    "{title}: timeline": "{title}: cronología",
    "Filters": "Filtros",
    "Filter the timeline": "Filtrar la cronología",
    "Story": "Historia",
    "All stories": "Todas las historias",
    "Text": "Texto",
    "Any words": "Cualquier palabra",
    "Actor": "Protagonista",
    "Person or body": "Persona u organismo",
    "To": "Hasta",
    "e.g. November 2025": "p. ej. noviembre 2025",
    "e.g. 1940s": "p. ej. años 1940",
    "As of": "Tal como estaba el",
    "Show": "Mostrar",
    "Clear": "Borrar",
    "Dates as a year, a decade, a month or a day: 2025, 1940s, November 2025, noviembre 2025, "
    "16/11/2025.": "Fechas como un año, una década, un mes o un día: 2025, años 1940, "
                   "noviembre 2025, November 2025, 16/11/2025.",
    "“As of” shows the archive as it stood at that moment (UTC), before later corrections.":
        "«Tal como estaba el» muestra el archivo como estaba en ese momento (UTC), antes de "
        "correcciones posteriores.",
    "You are viewing this story as it stood on {moment}.":
        "Está viendo esta historia tal como estaba el {moment}.",
    "You are viewing the archive as it stood on {moment}.":
        "Está viendo el archivo tal como estaba el {moment}.",
    "See it as it is now": "Verla como está ahora",
    # _timeline.html
    "Events per day": "Eventos por día",
    "Events per month": "Eventos por mes",
    "Events per year": "Eventos por año",
    "Events per decade": "Eventos por década",
    "that day": "ese día",
    "that month": "ese mes",
    "that year": "ese año",
    "that decade": "esa década",
    "{per}, {first} to {last} (bar height: square root of the count).":
        "{per}, de {first} a {last} (altura de la barra: raíz cuadrada del número).",
    "Choose a bar to show {that}, or drag across bars to zoom.":
        "Elija una barra para ver {that}, o arrastre sobre varias para ampliar.",
    "With the keyboard, the arrow keys move between bars, Shift+arrows mark a range, Enter "
    "zooms.": "Con el teclado, las flechas pasan de una barra a otra, Mayús+flechas marcan un "
              "intervalo e Intro amplía.",
    "Show the whole span": "Ver todo el periodo",
    "Order:": "Orden:",
    "oldest first": "primero lo más antiguo",
    "newest first": "primero lo más reciente",
    "Go to the entry nearest today": "Ir a la entrada más cercana a hoy",
    "Go to the entry nearest {day}": "Ir a la entrada más cercana a {day}",
    " (first page)": " (primera página)",
    ", as the archive stood on {day}": ", tal como estaba el archivo el {day}",
    "Showing all events, including minor ones.":
        "Se muestran todos los eventos, también los menores.",
    "Show only the main events": "Mostrar solo los eventos principales",
    "Show all {total} events, including minor ones":
        "Mostrar los {total} eventos, también los menores",
    "No events match.": "Ningún evento coincide.",
    "Clear the filters": "Quitar los filtros",
    "Earlier events": "Eventos anteriores",
    "Later events": "Eventos posteriores",
    # _entry.html
    "Date known to the {unit}": "Fecha conocida con precisión de {unit}",
    "corrected": "corregida",
    "The article gives no date for this; it is dated by the day the article was published.":
        "El artículo no da fecha para esto; se fecha por el día en que se publicó el artículo.",
    "dated by publication date": "fechada por la publicación",
    "Scored as a minor event: shown only with all events.":
        "Valorado como evento menor: solo se muestra con todos los eventos.",
    "minor": "menor",
    "published {day}": "publicado el {day}",
    "People and organisations": "Personas y organizaciones",
    "Places:": "Lugares:",
    "History": "Historial",
    "Full record and history": "Ficha completa e historial",
    "Dated to the year or wider": "Fechados por año o más ampliamente",
    # _ui_text.html (timeline.js)
    "by {name}": "por {name}",
    "{n} new event": "{n} evento nuevo",
    "{n} new events": "{n} eventos nuevos",
    # event.html
    "You are viewing this entry as it stood on {moment}.":
        "Está viendo esta entrada tal como estaba el {moment}.",
    "Date": "Fecha",
    "{date}: from {start} to {end}": "{date}: del {start} al {end}",
    "recorded as": "registrada como",
    "How it was dated": "Cómo se fechó",
    "Places": "Lugares",
    "Kind of event": "Tipo de evento",
    "not scored": "sin valorar",
    "Salience": "Relevancia",
    "Sources": "Fuentes",
    "Reason:": "Motivo:",
    "By {name}": "Por {name}",
    "log position {n}": "posición {n} del registro",
    "No history recorded.": "No hay historial registrado.",
    # error.html
    "Not found": "No encontrado",
    "That request could not be read": "No se pudo leer esa petición",
    "That changed meanwhile": "Eso cambió mientras tanto",
    "The archive is unavailable": "El archivo no está disponible",
    "Something went wrong": "Algo salió mal",
    "The archive said:": "El archivo respondió:",
    "The story or entry may have been renamed, or the link mistyped.":
        "Puede que la historia o la entrada hayan cambiado de nombre, o que el enlace esté mal "
        "escrito.",
    "Please try again in a moment.": "Vuelva a intentarlo en un momento.",
    "See every event": "Ver todos los eventos",
    "Error {status} ({code})": "Error {status} ({code})",
    # key_dates.html
    "Key dates calendar": "Calendario de fechas clave",
    "Key dates: {title}": "Fechas clave: {title}",
    "A day counts more when more articles date something to it, when articles written later "
    "look back at it, when several publishers agree, and when what happened is a death, a "
    "result or a decision rather than a statement.":
        "Un día cuenta más cuando más artículos fechan algo en él, cuando artículos escritos "
        "después vuelven sobre él, cuando varios medios coinciden, y cuando lo ocurrido es una "
        "muerte, un resultado o una decisión más que una declaración.",
    "Subscribe to the key dates": "Suscribirse a las fechas clave",
    "Choose the key dates": "Elegir las fechas clave",
    "e.g. 2025-11": "p. ej. 2025-11",
    "e.g. 2026": "p. ej. 2026",
    "Days": "Días",
    "Sentences a day": "Frases por día",
    "No key dates in this range.": "No hay fechas clave en este intervalo.",
    "Why this day": "Por qué este día",
    "{n} looking back": "{n} en retrospectiva",
    "{n} more on this day": "{n} más en este día",
    # sign_in.html, _edit_forms.html
    "Sign in to edit": "Iniciar sesión para editar",
    "Editors sign in with their API token. Every correction and retraction is recorded in the "
    "entry's history under your name.":
        "Los editores inician sesión con su token de la API. Cada corrección y retractación "
        "queda en el historial de la entrada con su nombre.",
    "API token": "Token de la API",
    "Sign in": "Iniciar sesión",
    "Edit this entry": "Editar esta entrada",
    "Saved: see the history below.": "Guardado: véase el historial más abajo.",
    "Correct": "Corregir",
    "Date (a day, month, year, or EDTF such as 194X)":
        "Fecha (un día, un mes, un año o EDTF como 194X)",
    "Headline": "Titular",
    "Reason for the correction": "Motivo de la corrección",
    "Retract": "Retractar",
    "Reason for the retraction": "Motivo de la retractación",
    "This entry is {status}: it cannot be edited.":
        "Esta entrada está {status}: no se puede editar.",
    # editing.py: what a refused form says (shown through the ``translated`` filter)
    "This form has expired (it was opened in an older session): nothing was changed. Please "
    "submit it again.": "Este formulario ha caducado (se abrió en una sesión anterior): no se "
                        "cambió nada. Envíelo de nuevo.",
    "That token is not valid for editing this archive.":
        "Ese token no sirve para editar este archivo.",
    "Your session has expired: please sign in again.":
        "Su sesión ha caducado: inicie sesión de nuevo.",
    "Change the date, the headline or the text first.":
        "Cambie primero la fecha, el titular o el texto.",
    "Say why: the reason is kept in the entry's history.":
        "Diga por qué: el motivo queda en el historial de la entrada.",
    # templating.py
    "not scored (always shown)": "sin valorar (siempre se muestra)",
    "{score}: minor, shown only with all events":
        "{score}: menor, solo se muestra con todos los eventos",
    "{score}: shown by default (minor below {threshold})":
        "{score}: se muestra por defecto (menor por debajo de {threshold})",
    "the end of {day}": "el final del {day}",
    "a date written in the article": "una fecha escrita en el artículo",
    "words such as “last Sunday”, counted from the day the article was published":
        "palabras como «el domingo pasado», contadas desde el día en que se publicó el "
        "artículo",
    "the date of what the article tells just before it":
        "la fecha de lo que el artículo cuenta justo antes",
    "the day the article was published (it gives no date of its own)":
        "el día en que se publicó el artículo (no da fecha propia)",
    "extraction": "extracción",
    "supersession": "sustitución",
    "correction": "corrección",
    "retraction": "retractación",
    "merge": "fusión",
    "merge undone": "fusión deshecha",
    "added to a story": "añadida a una historia",
    "removed from a story": "quitada de una historia",
    "active": "activa",
    "retracted": "retractada",
    "superseded": "sustituida",
    "day": "día",
    "month": "mes",
    "season": "estación",
    "quarter": "trimestre",
    "year": "año",
    "decade": "década",
    "century": "siglo",
    "interval": "intervalo",
    "result": "resultado",
    "death": "muerte",
    "decision": "decisión",
    "vote": "votación",
    "launch": "lanzamiento",
    "announcement": "anuncio",
    "legal": "asunto judicial",
    "plan": "plan",
    "action": "acción",
    "statement": "declaración",
    "state of affairs": "situación",
    # error_words.py
    "Order": "Orden",
    "Page": "Página",
    "Go to": "Ir a",
    "Language": "Idioma",
    "filter": "filtro",
    "not a date we can read (try 2025, November 2025, noviembre 2025, 1940s or 16/11/2025)":
        "no es una fecha que sepamos leer (pruebe 2025, noviembre 2025, November 2025, "
        "años 1940 o 16/11/2025)",
    "not a date or a date and time": "no es una fecha ni una fecha y hora",
    "oldest or newest": "oldest (más antiguo) o newest (más reciente)",
    "a whole number": "un número entero",
    "1 or 0 (true or false)": "1 o 0 (true o false)",
    "this page link is out of date or broken: start again from the first page":
        "este enlace de página está caducado o roto: empiece de nuevo por la primera página",
    "a whole number from 1 to 500": "un número entero del 1 al 500",
    "a whole number from 1 to 10": "un número entero del 1 al 10",
    "this could not be read": "no se pudo leer",
    # overview.MONTH_NAMES: month headings
    "January": "Enero", "February": "Febrero", "March": "Marzo", "April": "Abril",
    "May": "Mayo", "June": "Junio", "July": "Julio", "August": "Agosto",
    "September": "Septiembre", "October": "Octubre", "November": "Noviembre",
    "December": "Diciembre",
}

PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("{n} event", "{n} events"): ("{n} evento", "{n} eventos"),
    ("{n} more source", "{n} more sources"): ("{n} fuente más", "{n} fuentes más"),
    ("{n} article", "{n} articles"): ("{n} artículo", "{n} artículos"),
    ("{n} publisher", "{n} publishers"): ("{n} medio", "{n} medios"),
    ("{n} entry on this day", "{n} entries on this day"):
        ("{n} entrada en este día", "{n} entradas en este día"),
    ("The day that matters most in this story, with what happened, quoted from the articles.",
     "The {n} days that matter most in this story, each with what happened, quoted from the "
     "articles."):
        ("El día que más importa en esta historia, con lo que ocurrió, citado de los artículos.",
         "Los {n} días que más importan en esta historia, cada uno con lo que ocurrió, citado "
         "de los artículos."),
}

MESSAGES |= EDITING
